/**
 * A VM's {@code other-config:pci} value: the one writer (what plan proposes and apply sets) and the one reader (with
 * xapi's lenient rules, for observe), and the name of the map key that {@code xe} reads and writes.
 */
package xenpt.format.otherconfig;
