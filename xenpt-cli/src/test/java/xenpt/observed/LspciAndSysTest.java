package xenpt.observed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xenpt.desired.PciAddress;
import xenpt.desired.PciId;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;

class LspciAndSysTest {

    static final String LSPCI = """
            Slot:\t0000:01:03.0
            Class:\tVGA compatible controller [0300]
            Vendor:\tAdvanced Micro Devices, Inc. [AMD/ATI] [1002]
            Device:\tES1000 [515e]
            SVendor:\tHewlett-Packard Company [103c]
            SDevice:\tProLiant [31fb]
            Rev:\t02
            Driver:\tradeon
            Module:\tradeon

            Slot:\t0000:0e:00.0
            Class:\tEthernet controller [0200]
            Vendor:\tIntel Corporation [8086]
            Device:\t82546EB Gigabit Ethernet Controller (Copper) [1010]
            Rev:\t01
            Driver:\tpciback

            Slot:\t0000:00:1f.2
            Class:\tSATA controller [0106]
            Vendor:\tIntel Corporation [8086]
            Device:\tDevice [1b81]
            ProgIf:\t01

            """;

    @Test
    void lspciRecordsWithIdsNamesAndDrivers() {
        List<PciDevice> d = Lspci.parse(LSPCI);
        assertThat(d).hasSize(3);
        PciDevice vga = d.get(0);
        assertThat(vga.address()).isEqualTo(PciAddress.parse("01:03.0"));
        assertThat(vga.id()).isEqualTo(PciId.parse("1002:515e"));
        assertThat(vga.classCode()).isEqualTo("0300");
        assertThat(vga.className()).isEqualTo("VGA compatible controller");
        assertThat(vga.vendorName()).isEqualTo("Advanced Micro Devices, Inc. [AMD/ATI]");
        assertThat(vga.deviceName()).isEqualTo("ES1000");
        assertThat(vga.subsystem()).isEqualTo("Hewlett-Packard Company ProLiant");
        assertThat(vga.revision()).isEqualTo("02");
        assertThat(vga.driver()).contains("radeon");
        assertThat(d.get(1).driver()).contains("pciback");
        assertThat(d.get(2).driver()).isEmpty();
        assertThat(d.get(2).revision()).isEmpty();
    }

    /**
     * 60,000 records (issue 11: the parser was quadratic, ~16 s); correctness here, the time in bench/LspciBench.java.
     * Every slot is distinct except a repeat of the first at the end, which is dropped (the first record wins).
     */
    @Test
    void sixtyThousandRecordsAreAllParsedInOrderAndARepeatedSlotKeepsTheFirst() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            s.append(String.format("Slot:\t%04x:%02x:%02x.%x\n", i >> 16, (i >> 8) & 0xff, (i >> 3) & 0x1f, i & 7))
                    .append("Class:\tEthernet controller [0200]\nVendor:\tIntel Corporation [8086]\n")
                    .append(String.format("Device:\tNIC %d [%04x]\nDriver:\te1000e\n\n", i, i & 0xffff));
        }
        s.append("Slot:\t0000:00:00.0\nVendor:\tOther [1111]\nDevice:\tOther [2222]\n");
        List<PciDevice> d = Lspci.parse(s.toString());
        assertThat(d).hasSize(60_000);
        assertThat(d.get(0).address()).isEqualTo(PciAddress.parse("0000:00:00.0"));
        assertThat(d.get(0).deviceName()).isEqualTo("NIC 0");
        assertThat(d.get(59_999).address()).isEqualTo(PciAddress.parse("0000:ea:0b.7"));
        assertThat(d.get(59_999).id()).isEqualTo(PciId.parse("8086:ea5f"));
        assertThat(d).extracting(PciDevice::address).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void hostileLspciRecordsAreSkipped() {
        String text = "Slot:\tnot-an-address\nVendor:\tX [1234]\nDevice:\tY [5678]\n\n"
                + "Slot:\t0000:02:00.0\nVendor:\tNo id here\nDevice:\tY [5678]\n\n"
                + "garbage without colon\n\n"
                + "Slot:\t0000:03:00.0\nClass:\tweird\nVendor:\tV [abcd]\nDevice:\tD [ef01]\n\n"
                + "Slot:\t0000:03:00.0\nVendor:\tdup [1111]\nDevice:\tdup [2222]\n";
        List<PciDevice> d = Lspci.parse(text);
        assertThat(d).singleElement().satisfies(dev -> {
            assertThat(dev.id()).isEqualTo(PciId.parse("abcd:ef01"));
            assertThat(dev.className()).isEqualTo("weird");
            assertThat(dev.classCode()).isEmpty();
        });
        assertThat(Lspci.parse("")).isEmpty();
    }

    @Test
    void inventoryOfXcpng821() {
        Map<String, String> inv = Inventory.parse(Samples.read("inventory-xcpng-821.txt"));
        assertThat(inv).containsEntry("PRODUCT_BRAND", "XCP-ng").containsEntry("PRODUCT_VERSION", "8.2.1")
                .containsEntry("INSTALLATION_UUID", "b8b63475-d28c-44d4-9d1e-c38298ad3a0d")
                .containsEntry("INSTALLATION_DATE", "2021-08-03 16:39:24.077945")
                .containsEntry("PRIMARY_DISK", "/dev/disk/by-id/scsi-123456789012345678901234567899012");
        assertThat(Inventory.parse("# c\nA=plain\nB=\"dq\"\n=x\nnot a line\nC='it=has=equals'\n"))
                .containsExactly(Map.entry("A", "plain"), Map.entry("B", "dq"), Map.entry("C", "it=has=equals"));
    }

    @Test
    void symlinkListingsLeadToPciAddresses() {
        String net = "total 0\n"
                + "lrwxrwxrwx 1 root root 0 Nov 25 10:00 eth0 -> ../../devices/pci0000:00/0000:00:1c.0/0000:0d:00.0/net/eth0\n"
                + "lrwxrwxrwx 1 root root 0 Nov 25 10:00 lo -> ../../devices/virtual/net/lo\n"
                + "lrwxrwxrwx 1 root root 0 Nov 25 10:00 xenbr0 -> ../../devices/virtual/net/xenbr0\n";
        Map<String, String> links = SysLinks.parse(net);
        assertThat(links).containsOnlyKeys("eth0", "lo", "xenbr0");
        assertThat(SysLinks.pciAddressOf(links.get("eth0"))).contains(PciAddress.parse("0d:00.0"));
        assertThat(SysLinks.pciAddressOf(links.get("xenbr0"))).isEmpty();
        String block = "lrwxrwxrwx 1 root root 0 Nov 25 10:00 sda -> ../devices/pci0000:00/0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0/block/sda\n";
        assertThat(SysLinks.pciAddressOf(SysLinks.parse(block).get("sda"))).contains(PciAddress.parse("00:1f.2"));
        assertThat(SysLinks.baseName("../../sda")).isEqualTo("sda");
        assertThat(SysLinks.parse("-rw-r--r-- 1 root root 0 file\n\u0000 -> x\n")).isEmpty();
    }

    @Test
    void pcibackListingSeparatesDevicesFromDriverFiles() {
        CommandResult present = new CommandResult(Command.of("ls"), 0,
                "0000:01:03.0\n0000:0e:00.0\nbind\nnew_id\nnew_slot\npermissive\nquirks\nremove_id\nremove_slot\nslots\nuevent\nunbind\n", "");
        PcibackListing.Pciback p = PcibackListing.parse(present);
        assertThat(p.loaded()).isTrue();
        assertThat(p.bound()).containsExactly(PciAddress.parse("01:03.0"), PciAddress.parse("0e:00.0"));
        CommandResult absent = new CommandResult(Command.of("ls"), 2, "",
                "ls: cannot access '/sys/bus/pci/drivers/pciback': No such file or directory\n");
        assertThat(PcibackListing.parse(absent)).isEqualTo(new PcibackListing.Pciback(false, java.util.Set.of()));
        assertThat(Optional.of(PcibackListing.parse(new CommandResult(Command.of("ls"), 0, "", ""))))
                .hasValueSatisfying(e -> assertThat(e.loaded() && e.bound().isEmpty()).isTrue());
    }
}
