/**
 * The live state of a host: records ({@link xenpt.observed.ObservedHost} and its parts), parsers of the hosts'
 * command outputs and files (lspci, xe, grub, extlinux, inventory, /proc/cmdline, pciback), and the Observer that
 * reads one host over one SSH connection. It uses the value types of {@code desired} (PciAddress, PciId,
 * HideMethod) so that the planner compares like with like, and nothing else from it.
 */
package xenpt.observed;
