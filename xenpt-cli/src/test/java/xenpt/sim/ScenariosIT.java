package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScenariosIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"wintermute", "xs71-uefi", "xcpng82", "xcpng83", "xs65", "lab-a", "lab-b",
        "wintermute-continued", "wintermute-crlf", "wintermute-symlink"})
    void everyScenarioStartsAndAnswersOverSsh(String scenario) throws Exception {
        try (SimulatedHost host = SimulatedHost.start(scenario, dir.resolve(scenario));
                SshTestClient ssh = new SshTestClient(host)) {
            var inventory = ssh.run("cat /etc/xensource-inventory");
            assertThat(inventory.exit()).isZero();
            assertThat(inventory.out()).contains("INSTALLATION_UUID='").contains("PRODUCT_BRAND='");
            assertThat(host.hostKeyFingerprint()).matches("SHA256:[A-Za-z0-9+/]{43}");
            var vms = ssh.run("xe vm-list is-control-domain=false params=uuid --minimal");
            assertThat(vms.exit()).isZero();
            assertThat(vms.out()).matches("[0-9a-f-]{36}(,[0-9a-f-]{36})*\n");
            var boot = ssh.run("cat /proc/cmdline");
            assertThat(boot.out()).startsWith("root=LABEL=root-");
            var pciApi = ssh.run("xe pci-list --minimal");
            assertThat(pciApi.exit()).isEqualTo(scenario.equals("xcpng83") ? 0 : 1);
        }
    }
}
