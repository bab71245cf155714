package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The xe commands of a rolling reboot on the simulated pool (copies of lab-a / lab-b side by side, lab-a with an extra
 * VM "web" without devices) and on a standalone host: host-disable / host-enable, host-evacuate with xapi's refusals,
 * host-get-vms-which-prevent-evacuation, vm-start on=, clean vs hard shutdown, a guest that ignores a clean shutdown,
 * and xapi enabling a disabled host again at boot.
 */
class RollingRebootCommandsIT {

    static final String HOST_A = PoolIT.HOST_A;
    static final String HOST_B = PoolIT.HOST_B;
    static final String WEB = "3d4e5f60-7182-4d9e-8fa0-2b3c4d5e6f70";

    @TempDir
    Path dir;

    /** lab-a and lab-b as {@code ra} / {@code rb} in pool "roll"; the extra lines go to the pool block and to web. */
    Path pool(String extraPool, String webExtra) throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        String pool = "pool:\n  name: roll\n  master: ra\n  members: [ra, rb]\n" + extraPool;
        String block = "pool:\n  name: lab\n  master: lab-a\n  members: [lab-a, lab-b]\n";
        String a = Files.readString(Path.of("examples/sim/lab-a.yaml")).replace(block, pool);
        String b = Files.readString(Path.of("examples/sim/lab-b.yaml")).replace(block, pool);
        a = a + "  - uuid: " + WEB + "\n    name-label: web\n    power-state: running\n    memory-mib: \"1024\"\n"
                + "    vcpus: \"1\"\n" + webExtra;
        Files.writeString(scenarios.resolve("ra.yaml"), a.replace("reboot-delay-ms: 1000", "reboot-delay-ms: 50"));
        Files.writeString(scenarios.resolve("rb.yaml"), b);
        assertThat(b).contains("members: [ra, rb]");
        return scenarios;
    }

    @Test
    void evacuationMigratesTheVmWithoutDevicesAndRefusesTheOneWithPciAttached() throws Exception {
        Path s = pool("", "");
        try (SimulatedHost a = SimulatedHost.start(s.resolve("ra.yaml").toString(), dir.resolve("ra"));
                SimulatedHost b = SimulatedHost.start(s.resolve("rb.yaml").toString(), dir.resolve("rb"));
                SshTestClient sa = new SshTestClient(a);
                SshTestClient sb = new SshTestClient(b)) {
            // cli_operations.ml: one record per VM, uuid / name-label / reason "CODE,<VM ref>".
            String preventing = sa.run("xe host-get-vms-which-prevent-evacuation uuid=" + HOST_A).out();
            assertThat(preventing).matches("uuid \\( RO\\)          : " + PoolIT.RENDER_A + "\n"
                    + "    name-label \\( RW\\): render-a\n"
                    + "        reason \\( RO\\): VM_HAS_PCI_ATTACHED,OpaqueRef:[0-9a-f-]{36}\n\n\n");
            SshTestClient.Result refused = sa.run("xe host-evacuate uuid=" + HOST_A);
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).isEqualTo("This operation could not be performed, because the VM has one or more"
                    + " PCI devices passed through.\nvm: " + PoolIT.RENDER_A + " (render-a)\n");
            assertThat(sa.run("xe vm-param-get uuid=" + WEB + " param-name=resident-on").out()).isEqualTo(HOST_A + "\n");

            assertThat(sa.run("xe host-disable uuid=" + HOST_A).exit()).isZero();
            assertThat(sb.run("xe host-param-get uuid=" + HOST_A + " param-name=enabled").out()).isEqualTo("false\n");
            assertThat(sa.run("xe vm-shutdown uuid=" + PoolIT.RENDER_A).exit()).isZero();
            assertThat(sa.run("xe host-get-vms-which-prevent-evacuation uuid=" + HOST_A).out()).isEmpty();
            assertThat(sa.run("xe host-evacuate host=lab-a").exit()).isZero();
            assertThat(sb.run("xe vm-list uuid=" + WEB + " params=power-state,resident-on").out())
                    .contains("power-state ( RO)    : running", "resident-on ( RO): " + HOST_B);

            // A disabled host takes no VM (XenServer 7.1: "host", 8.x: "server").
            SshTestClient.Result disabled = sa.run("xe vm-start uuid=" + PoolIT.RENDER_A + " on=" + HOST_A);
            assertThat(disabled.err()).isEqualTo("The specified host is disabled.\nhost: " + HOST_A + " (lab-a)\n");
            assertThat(sa.run("xe vm-start uuid=" + PoolIT.RENDER_A + " on=nowhere").err())
                    .isEqualTo("Error: Host nowhere not found\n");
            assertThat(sa.run("xe host-enable uuid=" + HOST_A).exit()).isZero();
            assertThat(sa.run("xe vm-start uuid=" + PoolIT.RENDER_A + " on=" + HOST_A).exit()).isZero();
            assertThat(sb.run("xe vm-param-get uuid=" + PoolIT.RENDER_A + " param-name=resident-on").out())
                    .isEqualTo(HOST_A + "\n");
        }
    }

    @Test
    void haEnabledPoolAnUnprotectedVmBlocksEvacuationAndPrioritiesAreListed() throws Exception {
        Path s = pool("  ha-enabled: true\n", "    ha-restart-priority: best-effort\n");
        try (SimulatedHost a = SimulatedHost.start(s.resolve("ra.yaml").toString(), dir.resolve("ra"));
                SshTestClient sa = new SshTestClient(a)) {
            assertThat(sa.run("xe pool-list params=ha-enabled --minimal").out()).isEqualTo("true\n");
            assertThat(sa.run("xe vm-param-get uuid=" + WEB + " param-name=ha-restart-priority").out())
                    .isEqualTo("best-effort\n");
            assertThat(sa.run("xe host-get-vms-which-prevent-evacuation uuid=" + HOST_A).out())
                    .contains("reason ( RO): HOST_NOT_ENOUGH_FREE_MEMORY,OpaqueRef:", "reason ( RO): VM_HAS_PCI_ATTACHED,");
        }
    }

    @Test
    void aGuestThatIgnoresACleanShutdownTimesOutAndOnlyAHardShutdownHaltsIt() throws Exception {
        Path s = pool("", "    clean-shutdown: hangs\n");
        try (SimulatedHost a = SimulatedHost.start(s.resolve("ra.yaml").toString(), dir.resolve("ra"));
                SshTestClient sa = new SshTestClient(a)) {
            SshTestClient.Result clean = sa.run("xe vm-shutdown uuid=" + WEB);
            assertThat(clean.exit()).isEqualTo(1);
            assertThat(clean.err()).isEqualTo("VM failed to shutdown before the timeout expired\nvm: " + WEB
                    + " (web)\ntimeout: 1200.\n");
            assertThat(sa.run("xe vm-shutdown --force uuid=" + WEB).exit()).isZero();
            assertThat(sa.run("xe vm-param-get uuid=" + WEB + " param-name=power-state").out()).isEqualTo("halted\n");
        }
    }

    @Test
    void aStandaloneHostHasNowhereToEvacuateToAndIsEnabledAgainAtBoot() throws Exception {
        try (SimulatedHost w = SimulatedHost.start("wintermute", dir.resolve("wintermute"))) {
            w.setRebootDelay(Duration.ofMillis(50));
            String host;
            try (SshTestClient sw = new SshTestClient(w)) {
                host = sw.run("xe host-list --minimal").out().strip();
                SshTestClient.Result r = sw.run("xe host-evacuate uuid=" + host);
                assertThat(r.exit()).isEqualTo(1);
                assertThat(r.err()).isEqualTo("There were no hosts available to complete the specified operation.\n"
                        + "<extra>: 22eb15fb-169c-ec9b-0ad4-231dc7210376 (Windows Server 2012 R2)\n");
                assertThat(sw.run("xe host-disable").exit()).isZero(); // a pool of one: the selector may be left out
                assertThat(sw.run("xe host-param-get uuid=" + host + " param-name=enabled").out()).isEqualTo("false\n");
                sw.run("reboot");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && !w.isUp()) Thread.sleep(20);
            Thread.sleep(100);
            try (SshTestClient sw = new SshTestClient(w)) {
                assertThat(sw.run("xe host-param-get uuid=" + host + " param-name=enabled").out()).isEqualTo("true\n");
            }
        }
    }
}
