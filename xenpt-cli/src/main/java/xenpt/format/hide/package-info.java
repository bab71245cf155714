/**
 * The {@code xen-pciback.hide} value and argument: the one writer of the value xenpt puts on dom0's kernel line, the
 * one reader (with the kernel's own rules, for observe and for apply's checks), and the editor that replaces the
 * argument inside a boot file line. Pure functions over text; the backends in {@code apply} do the I/O.
 */
package xenpt.format.hide;
