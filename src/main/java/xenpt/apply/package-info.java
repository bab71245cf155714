/**
 * Applying a plan: the Executor (per host: lock, observe again and check the fingerprint, boot configuration, VM
 * assignments and affinity, reboot and VM restarts when the policy allows, journal, unlock), one
 * {@link xenpt.apply.HideBackend} per hide method (grub, extlinux, xen-cmdline, xapi), and the host lock. A failure
 * stops that host only and leaves every file whole; running apply again converges.
 */
package xenpt.apply;
