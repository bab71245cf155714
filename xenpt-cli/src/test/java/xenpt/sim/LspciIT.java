package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LspciIT {

    @RegisterExtension
    static final SimHostExtension sim = new SimHostExtension("xcpng82");

    @Test
    void machineVerboseRecordsWithIdsAndDrivers() throws Exception {
        String out = sim.ssh().run("lspci -D -vmm -nn -k -s 01:00").out();
        assertThat(out).startsWith("""
                Slot:\t0000:01:00.0
                Class:\tVGA compatible controller [0300]
                Vendor:\tNVIDIA Corporation [10de]
                Device:\tTU102 [GeForce RTX 2080 Ti] [1e04]
                SVendor:\tNVIDIA Corporation [10de]
                SDevice:\tDevice 12fa
                Rev:\ta1
                Module:\tnouveau

                Slot:\t0000:01:00.1
                Class:\tAudio device [0403]
                """);
        assertThat(out).contains("Slot:\t0000:01:00.2\nClass:\tUSB controller [0c03]\n")
                .contains("Rev:\ta1\nProgIf:\t30\nDriver:\txhci_hcd\n\n")
                .endsWith("Driver:\tnvidia-gpu\nModule:\ti2c_nvidia_gpu\n\n");
    }

    @Test
    void terseFormats() throws Exception {
        assertThat(sim.ssh().run("lspci -s 01:00.0").out())
                .isEqualTo("01:00.0 VGA compatible controller: NVIDIA Corporation TU102 [GeForce RTX 2080 Ti] (rev a1)\n");
        assertThat(sim.ssh().run("lspci -nn -s 01:00.1").out()).isEqualTo("01:00.1 Audio device [0403]: NVIDIA Corporation"
                + " TU102 High Definition Audio Controller [10de:10f7] (rev a1)\n");
        assertThat(sim.ssh().run("lspci -n -D -s 01:00.3").out()).isEqualTo("0000:01:00.3 0c80: 10de:1ad7 (rev a1)\n");
        assertThat(sim.ssh().run("lspci -k -s 03:00.0").out()).isEqualTo("03:00.0 Ethernet controller: Intel Corporation"
                + " I210 Gigabit Network Connection (rev 03)\n\tSubsystem: Gigabyte Technology Co. Ltd Device e000\n"
                + "\tKernel driver in use: igb\n\tKernel modules: igb\n");
        assertThat(sim.ssh().run("lspci | grep VGA").out())
                .isEqualTo("01:00.0 VGA compatible controller: NVIDIA Corporation TU102 [GeForce RTX 2080 Ti] (rev a1)\n");
    }

    @Test
    void machineReadableFormats() throws Exception {
        assertThat(sim.ssh().run("lspci -mm -s 00:14.0").out()).isEqualTo("00:14.0 \"USB controller\" \"Intel Corporation\""
                + " \"Cannon Lake PCH USB 3.1 xHCI Host Controller\" -r10 -p30 \"Gigabyte Technology Co. Ltd\""
                + " \"Device 5007\"\n");
        assertThat(sim.ssh().run("lspci -mmn -s 01:00.1").out())
                .isEqualTo("01:00.1 \"0403\" \"10de\" \"10f7\" -ra1 \"10de\" \"12fa\"\n");
        assertThat(sim.ssh().run("lspci -Dmm -nn -s 00:01.0").out()).isEqualTo("0000:00:01.0 \"PCI bridge [0604]\""
                + " \"Intel Corporation [8086]\" \"Xeon E3-1200 v5/E3-1500 v5/6th Gen Core Processor PCIe Controller"
                + " (x16) [1901]\" -r0d \"\" \"\"\n");
        assertThat(sim.ssh().run("lspci -z")).extracting(SshTestClient.Result::exit).isEqualTo(1);
    }

    @Test
    void everyFunctionIsListed() throws Exception {
        assertThat(sim.ssh().run("lspci -D -vmm -nn -k").out().split("\n\n")).hasSize(11);
    }
}
