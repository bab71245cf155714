package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two simulated hosts as members of one pool ({@code examples/sim/lab-a.yaml}, {@code lab-b.yaml}): one VM database,
 * each its own hardware, boot file, inventory and pciback.
 */
class PoolIT {

    static final String HOST_A = "7d1e0c52-3a4b-4c6d-8e9f-0a1b2c3d4e5f";
    static final String HOST_B = "8e2f1d63-4b5c-4d7e-9fa0-1b2c3d4e5f60";
    static final String RENDER_A = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String RENDER_B = "1b2c3d4e-5f60-4b7c-9d8e-0f1a2b3c4d5e";
    static final String SPARE = "2c3d4e5f-6071-4c8d-8e9f-1a2b3c4d5e6f";

    @TempDir
    Path dir;

    @Test
    void bothMembersListEveryVmOfThePoolEachResidentOnItsOwnMember() throws Exception {
        try (SimulatedHost a = SimulatedHost.start("lab-a", dir.resolve("lab-a"));
                SimulatedHost b = SimulatedHost.start("lab-b", dir.resolve("lab-b"));
                SshTestClient sa = new SshTestClient(a);
                SshTestClient sb = new SshTestClient(b)) {
            String list = "xe vm-list is-control-domain=false params=uuid,resident-on,affinity,power-state";
            String onA = sa.run(list).out();
            assertThat(onA).isEqualTo(sb.run(list).out());
            assertThat(onA.split("\n\n\n")).hasSize(3);
            assertThat(record(onA, RENDER_A)).contains("power-state ( RO): running", "resident-on ( RO): " + HOST_A,
                    "affinity ( RW): " + HOST_A);
            assertThat(record(onA, RENDER_B)).contains("power-state ( RO): running", "resident-on ( RO): " + HOST_B,
                    "affinity ( RW): " + HOST_B);
            assertThat(record(onA, SPARE)).contains("power-state ( RO): halted", "resident-on ( RO): <not in database>");
            assertThat(sa.run("xe vm-list is-control-domain=true --minimal").out().split(",")).hasSize(2);
            // The same B:D.f on both members, each bound to its own pciback, each held by its own member's VM.
            assertThat(sa.run("ls /sys/bus/pci/drivers/pciback").out()).contains("0000:0b:00.0");
            assertThat(sb.run("ls /sys/bus/pci/drivers/pciback").out()).contains("0000:0b:00.0");
        }
    }

    @Test
    void theMasterIsTheSameForEveryMemberAndEachMemberHasItsOwnIdentity() throws Exception {
        try (SimulatedHost a = SimulatedHost.start("lab-a", dir.resolve("lab-a"));
                SimulatedHost b = SimulatedHost.start("lab-b", dir.resolve("lab-b"));
                SshTestClient sa = new SshTestClient(a);
                SshTestClient sb = new SshTestClient(b)) {
            assertThat(sa.run("xe pool-list params=master --minimal").out()).isEqualTo(HOST_A + "\n");
            assertThat(sb.run("xe pool-list params=master --minimal").out()).isEqualTo(HOST_A + "\n");
            assertThat(sb.run("xe host-list --minimal").out()).isEqualTo(HOST_A + "," + HOST_B + "\n");
            assertThat(sa.run("cat /etc/xensource-inventory").out()).contains("INSTALLATION_UUID='" + HOST_A + "'");
            assertThat(sb.run("cat /etc/xensource-inventory").out()).contains("INSTALLATION_UUID='" + HOST_B + "'");
            assertThat(sa.run("xe pif-list management=true params=host-uuid --minimal").out())
                    .isEqualTo(HOST_A + "," + HOST_B + "\n");
            assertThat(sb.run("xe host-param-get uuid=" + HOST_A + " param-name=name-label").out()).isEqualTo("lab-a\n");
        }
    }

    @Test
    void aVmChangedOnOneMemberIsSeenOnTheOtherAndAffinityAcceptsEveryMember() throws Exception {
        try (SimulatedHost a = SimulatedHost.start("lab-a", dir.resolve("lab-a"));
                SimulatedHost b = SimulatedHost.start("lab-b", dir.resolve("lab-b"));
                SshTestClient sa = new SshTestClient(a);
                SshTestClient sb = new SshTestClient(b)) {
            assertThat(sa.run("xe vm-param-set uuid=" + SPARE + " affinity=" + HOST_B).exit()).isZero();
            assertThat(sb.run("xe vm-param-get uuid=" + SPARE + " param-name=affinity").out()).isEqualTo(HOST_B + "\n");
            assertThat(sa.run("xe vm-param-set uuid=" + SPARE + " affinity=" + RENDER_A).err())
                    .startsWith("The uuid you supplied was invalid.");
            // xapi would start it on its affinity host; the simulator does not start a VM on another member.
            assertThat(sa.run("xe vm-start uuid=" + SPARE).exit()).isEqualTo(1);
            assertThat(sb.run("xe vm-start uuid=" + SPARE).exit()).isZero();
            assertThat(sa.run("xe vm-param-get uuid=" + SPARE + " param-name=resident-on").out()).isEqualTo(HOST_B + "\n");
        }
    }

    @Test
    void aMemberRebootHaltsOnlyItsOwnVms() throws Exception {
        try (SimulatedHost a = SimulatedHost.start("lab-a", dir.resolve("lab-a"));
                SimulatedHost b = SimulatedHost.start("lab-b", dir.resolve("lab-b"))) {
            a.setRebootDelay(Duration.ofMillis(50));
            try (SshTestClient sa = new SshTestClient(a)) {
                sa.run("reboot");
            }
            try (SshTestClient sb = new SshTestClient(b)) {
                String get = "xe vm-param-get uuid=" + RENDER_A + " param-name=power-state";
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!sb.run(get).out().equals("halted\n") && System.nanoTime() < deadline) Thread.sleep(20);
                assertThat(sb.run(get).out()).isEqualTo("halted\n");
                assertThat(sb.run("xe vm-param-get uuid=" + RENDER_B + " param-name=power-state").out())
                        .isEqualTo("running\n");
            }
        }
    }

    /** Two XCP-ng 8.3 members given as scenario files side by side (copies of xcpng83, the second with its own uuids). */
    @Test
    void pciListOfAPoolListsEveryMembersObjectsWithItsHostUuid() throws Exception {
        String base = Files.readString(Path.of("examples/sim/xcpng83.yaml"));
        String pool = "pool:\n  name: p83\n  members: [p83-a, p83-b]\n";
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(scenarios.resolve("p83-a.yaml"), pool + base);
        String hostB = "5d3b9f20-ac4e-4b6d-9f80-7e6d5c4b3a21";
        Files.writeString(scenarios.resolve("p83-b.yaml"), pool + base.substring(0, base.indexOf("\nvms:\n") + 1)
                .replace("4c2a8e1f-9b3d-4a5c-8e7f-6d5c4b3a2f10", hostB)
                .replace("1e6f3a2b-7c4d-4e5f-8a9b-0c1d2e3f4a5b", "2f7a4b3c-8d5e-4f60-9bac-1d2e3f4a5b6c"));
        try (SimulatedHost a = SimulatedHost.start(scenarios.resolve("p83-a.yaml").toString(), dir.resolve("p83-a"));
                SshTestClient sa = new SshTestClient(a)) {
            String list = sa.run("xe pci-list pci-id=0000:0b:00.0 params=uuid,host-uuid").out();
            assertThat(list).contains("host-uuid ( RO): 4c2a8e1f-9b3d-4a5c-8e7f-6d5c4b3a2f10", "host-uuid ( RO): " + hostB);
            String uuids = sa.run("xe pci-list pci-id=0000:0b:00.0 --minimal").out().strip();
            assertThat(uuids.split(",")).hasSize(2).doesNotHaveDuplicates();
            assertThat(sa.run("xe host-list --minimal").out().strip().split(",")).hasSize(2);
        }
    }

    private static String record(String list, String uuid) {
        for (String r : list.split("\n\n\n")) if (r.contains(uuid)) return r;
        throw new AssertionError("no record of " + uuid + " in\n" + list);
    }
}
