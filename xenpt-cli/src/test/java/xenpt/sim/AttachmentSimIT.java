package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the simulator answers about the devices a running domain holds, per product version (docs/attachment.md):
 * libxl's backend and {@code xl pci-list} rows before 8.1, xenopsd's {@code dev-N} only (and an empty
 * {@code xl pci-list}) from 8.1 on; the Xen reads of {@code xenpt doctor}.
 */
class AttachmentSimIT {

    static final String WIN = "22eb15fb-169c-ec9b-0ad4-231dc7210376";

    @TempDir
    Path dir;

    @Test
    void xenServer7PlugsThroughLibxlSoXlPciListShowsTheDevice() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("wintermute", dir.resolve("w"));
                SshTestClient ssh = new SshTestClient(host)) {
            assertThat(ssh.run("xenstore-ls -f /local/domain/0/backend/pci").err())
                    .isEqualTo("xenstore-ls: xs_directory (/local/domain/0/backend/pci): No such file or directory\n");
            assertThat(ssh.run("xe vm-shutdown uuid=" + WIN).exit()).isZero();
            assertThat(ssh.run("xe vm-param-set uuid=" + WIN + " other-config:pci=0/0000:0e:00.0").exit()).isZero();
            assertThat(ssh.run("xe vm-start uuid=" + WIN).exit()).isZero();
            String domId = ssh.run("xe vm-param-get uuid=" + WIN + " param-name=dom-id").out().strip();
            String ls = ssh.run("xenstore-ls -f /local/domain/0/backend/pci").out();
            assertThat(ls).contains("/local/domain/0/backend/pci/" + domId + "/0/dev-0 = \"0000:0e:00.0\"\n",
                    "/local/domain/0/backend/pci/" + domId + "/0/num_devs = \"1\"\n");
            assertThat(ssh.run("xl pci-list " + domId).out()).isEqualTo("Vdev Device\n05.0 0000:0e:00.0\n");
        }
    }

    @Test
    void xcpng83PlugsItselfSoOnlyDevNodesAndAnEmptyXlPciList() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("doctor-healthy", dir.resolve("d"));
                SshTestClient ssh = new SshTestClient(host)) {
            String vm = "3d8f1a6c-2b4e-4c5a-9e7d-8f6a5b4c3d2e";
            String domId = ssh.run("xe vm-param-get uuid=" + vm + " param-name=dom-id").out().strip();
            assertThat(ssh.run("xenstore-ls -f /local/domain/0/backend/pci").out()).isEqualTo(
                    "/local/domain/0/backend/pci/" + domId + " = \"\"\n"
                    + "/local/domain/0/backend/pci/" + domId + "/0 = \"\"\n"
                    + "/local/domain/0/backend/pci/" + domId + "/0/dev-0 = \"0000:0b:00.0\"\n"
                    + "/local/domain/0/backend/pci/" + domId + "/0/dev-1 = \"0000:0b:00.1\"\n");
            assertThat(ssh.run("xl pci-list " + domId).out()).isEmpty();
            assertThat(ssh.run("xl info").out()).contains("virt_caps              : hvm hvm_directio\n",
                    "xen_commandline        : dom0_mem=4304M,max:4304M watchdog");
            assertThat(ssh.run("xl dmesg").out()).contains("(XEN) I/O virtualisation enabled\n");
            assertThat(ssh.run("lspci -D -vv -s 0b:00.1").out()).contains("\t\t\tExtTag+ AttnBtn- AttnInd- PwrInd- RBE+ FLReset+");
        }
    }

    @Test
    void aVmStartedBeforeItsPciWasSetHoldsNothingUntilRestarted() throws Exception {
        try (SimulatedHost host = SimulatedHost.start("doctor-not-attached", dir.resolve("n"));
                SshTestClient ssh = new SshTestClient(host)) {
            String vm = "3d8f1a6c-2b4e-4c5a-9e7d-8f6a5b4c3d2e";
            assertThat(ssh.run("xe vm-param-get uuid=" + vm + " param-name=other-config param-key=pci").out())
                    .isEqualTo("0/0000:0b:00.0,0/0000:0b:00.1\n");
            assertThat(ssh.run("xenstore-ls -f /local/domain/0/backend/pci").exit()).isEqualTo(1);
            assertThat(ssh.run("dmesg").out()).contains("] pciback 0000:0b:00.0: seizing device\n");
        }
    }
}
