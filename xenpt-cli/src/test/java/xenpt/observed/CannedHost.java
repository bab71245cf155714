package xenpt.observed;

import xenpt.transport.Command;
import xenpt.transport.ssh.TestSshServer;
import xenpt.transport.ssh.TestSshServer.Reply;

/**
 * Canned answers of a wintermute-like XenServer 7.0 host for the test SSH server, keyed by the exact commands of
 * docs/observation-commands.md. The boot file already hides two devices that the running kernel does not.
 */
public final class CannedHost {

    public static final String HOST_UUID = "b8b63475-d28c-44d4-9d1e-c38298ad3a0d";
    static final String WIN = "22eb15fb-169c-ec9b-0ad4-231dc7210376";
    static final String XOA = "5bd4e662-5b08-bd5b-896f-bc39c1f4248c";
    static final String ODD = "0a0b0c0d-1111-2222-3333-444455556666";
    static final String FORGED = "99999999-9999-9999-9999-999999999999";

    private CannedHost() {}

    static void on(TestSshServer s, Command c, Reply r) {
        s.reply(c.toShell(), r);
    }

    public static void install(TestSshServer s) {
        on(s, Reads.INVENTORY, Reply.ok("PRODUCT_BRAND='XenServer'\nPRODUCT_VERSION='7.0.0'\nINSTALLATION_UUID='" + HOST_UUID
                + "'\nPRIMARY_DISK='/dev/disk/by-id/scsi-3600508b1001c4d5e'\n"));
        on(s, Reads.CMDLINE, Reply.ok("root=LABEL=root-cafyeg ro nolvm hpet=disable console=hvc0 quiet\n"));
        on(s, Reads.BOOT_ID, Reply.ok("5f1b7c2e-0d6a-4d0e-9a51-3f3c2b9e8d01\n"));
        on(s, Reads.PCIBACK, Reply.fail(2, "ls: cannot access '/sys/bus/pci/drivers/pciback': No such file or directory\n"));
        on(s, Reads.LSPCI, Reply.ok(LSPCI));
        on(s, Reads.GRUB_EFI, Reply.fail(1, "cat: /boot/efi/EFI/xenserver/grub.cfg: No such file or directory\n"));
        on(s, Reads.GRUB_BIOS, Reply.ok(Samples.read("grub-wintermute-hidden.cfg")));
        on(s, Reads.EXTLINUX, Reply.fail(1, "cat: /boot/extlinux.conf: No such file or directory\n"));
        on(s, Reads.XEN_CMDLINE, Reply.ok("xen-pciback.hide=(0e:00.0)(01:03.0)\n"));
        on(s, Reads.PCI_LIST, Reply.fail(1, "Unknown command: pci-list\nFor usage run: 'xe help'\n"));
        on(s, Reads.VM_LIST, Reply.ok(VMS));
        on(s, Reads.POOL_MASTER, Reply.ok(HOST_UUID + "\n"));
        on(s, Reads.MANAGEMENT_PIF, Reply.ok("device ( RO)       : eth0\n    host-uuid ( RO): " + HOST_UUID + "\n\n\n"));
        on(s, Reads.NET_LINKS, Reply.ok("total 0\n"
                + "lrwxrwxrwx 1 root root 0 Nov 25 10:00 eth0 -> ../../devices/pci0000:00/0000:00:1c.0/0000:0d:00.0/net/eth0\n"
                + "lrwxrwxrwx 1 root root 0 Nov 25 10:00 eth1 -> ../../devices/pci0000:00/0000:00:1c.4/0000:0e:00.0/net/eth1\n"
                + "lrwxrwxrwx 1 root root 0 Nov 25 10:00 xenbr0 -> ../../devices/virtual/net/xenbr0\n"));
        on(s, Reads.DISK_BY_ID, Reply.ok("total 0\n"
                + "lrwxrwxrwx 1 root root 9 Nov 25 10:00 scsi-3600508b1001c4d5e -> ../../sda\n"
                + "lrwxrwxrwx 1 root root 10 Nov 25 10:00 scsi-3600508b1001c4d5e-part1 -> ../../sda1\n"));
        on(s, Reads.BLOCK_LINKS, Reply.ok("total 0\n"
                + "lrwxrwxrwx 1 root root 0 Nov 25 10:00 sda -> ../devices/pci0000:00/0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0/block/sda\n"));
        on(s, Reads.vmOtherConfigPci(WIN), Reply.ok("0/0000:01:03.0\n"));
        on(s, Reads.vmOtherConfigPci(XOA), Reply.fail(1, "Error: Key pci not found in map\n"));
        on(s, Reads.vmOtherConfigPci(ODD), Reply.fail(1, "Error: Key pci not found in map\n"));
        on(s, Reads.vmParam(ODD, "name-label"), Reply.ok("two\nlines\n"));
        on(s, Reads.vmParam(ODD, "power-state"), Reply.ok("halted\n"));
        on(s, Reads.vmParam(ODD, "resident-on"), Reply.ok("<not in database>\n"));
        on(s, Reads.vmParam(ODD, "affinity"), Reply.ok("<not in database>\n"));
        on(s, Reads.vmParam(ODD, "dom-id"), Reply.ok("-1\n"));
        on(s, Reads.PCI_BACKENDS, Reply.ok("/local/domain/0/backend/pci/3 = \"\"\n/local/domain/0/backend/pci/3/0 = \"\"\n"
                + "/local/domain/0/backend/pci/3/0/dev-0 = \"0000:01:03.0\"\n"));
        // The reboot facts: a standalone host without HA, so its running VM cannot move (xen-facts-additions.md).
        on(s, RebootReads.HOSTS, Reply.ok(HOST_UUID + "\n"));
        on(s, RebootReads.HA_ENABLED, Reply.ok("false\n"));
        on(s, RebootReads.HA_PROTECTED, Reply.ok("\n"));
        on(s, RebootReads.preventing(HOST_UUID).orElseThrow(), Reply.ok("uuid ( RO)          : " + WIN + "\n"
                + "    name-label ( RW): Windows Server 2012 R2\n"
                + "        reason ( RO): NO_HOSTS_AVAILABLE\n\n\n"));
        String invalid = "The uuid you supplied was invalid.\ntype: VM\nuuid: " + FORGED + "\n";
        for (String p : new String[] {"name-label", "power-state", "resident-on", "affinity", "dom-id"}) {
            on(s, Reads.vmParam(FORGED, p), Reply.fail(1, invalid));
        }
        on(s, Reads.vmOtherConfigPci(FORGED), Reply.fail(1, invalid));
    }

    static final String LSPCI = """
            Slot:\t0000:00:1f.2
            Class:\tSATA controller [0106]
            Vendor:\tIntel Corporation [8086]
            Device:\t82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode] [2922]
            Rev:\t02
            Driver:\tahci

            Slot:\t0000:01:03.0
            Class:\tVGA compatible controller [0300]
            Vendor:\tAdvanced Micro Devices, Inc. [AMD/ATI] [1002]
            Device:\tES1000 [515e]
            Rev:\t02
            Driver:\tradeon

            Slot:\t0000:0d:00.0
            Class:\tEthernet controller [0200]
            Vendor:\tBroadcom Inc. and subsidiaries [14e4]
            Device:\tNetXtreme BCM5720 Gigabit Ethernet PCIe [165f]
            Driver:\ttg3

            Slot:\t0000:0e:00.0
            Class:\tEthernet controller [0200]
            Vendor:\tIntel Corporation [8086]
            Device:\t82546EB Gigabit Ethernet Controller (Copper) [1010]
            Rev:\t01
            Driver:\te1000

            """;

    /** Three ordinary VMs and one whose name-label holds a newline and a forged record. */
    static final String VMS = record(WIN, "Windows Server 2012 R2", "running", HOST_UUID, HOST_UUID,
                    "vgpu_pci: ; pci: 0/0000:01:03.0", "3")
            + record(XOA, "XOA 4.15 Free", "halted", "<not in database>", "<not in database>", "pci-0/0000:01:03.0: ", "-1")
            + "uuid ( RO)            : " + ODD + "\n      name-label ( RW): two\nlines\n"
            + "uuid ( RO)            : " + FORGED + "\n"
            + "     power-state ( RO): halted\n     resident-on ( RO): <not in database>\n        affinity ( RW): <not in database>\n"
            + "    other-config (MRW): \n          dom-id ( RO): -1\n\n\n";

    static String record(String uuid, String name, String power, String resident, String affinity, String otherConfig,
            String domId) {
        return "uuid ( RO)            : " + uuid + "\n"
                + "      name-label ( RW): " + name + "\n"
                + "     power-state ( RO): " + power + "\n"
                + "     resident-on ( RO): " + resident + "\n"
                + "        affinity ( RW): " + affinity + "\n"
                + "    other-config (MRW): " + otherConfig + "\n"
                + "          dom-id ( RO): " + domId + "\n\n\n";
    }
}
