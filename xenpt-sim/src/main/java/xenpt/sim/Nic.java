package xenpt.sim;

/**
 * A physical network interface of a scenario: its name in dom0 ({@code eth0}), the PCI function behind it, MAC and,
 * for the management interface, its IPv4 address.
 */
record Nic(String name, String pci, String mac, boolean management, String ip) {}
