package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.cli.JsonContract;
import xenpt.desired.DesiredStateLoader;
import xenpt.desired.HostSpec;
import xenpt.desired.LoadResult;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.ssh.SshConnector;
import xenpt.transport.ssh.SshOptions;
import xenpt.transport.ssh.SshTarget;

/** A served fleet: its desired state, known_hosts and client key work with xenpt, and {@code plan} runs over it. */
class ServeIT {

    @TempDir
    Path dir;

    @Test
    void desiredStateValidatesAndNamesEveryHostAtItsPort() throws Exception {
        try (SimulatedFleet fleet = SimulatedFleet.start("wintermute", 3, dir.resolve("fleet"), 0)) {
            LoadResult r = DesiredStateLoader.load(fleet.desiredState());
            assertThat(r.ok()).as(r.diagnostics().toString()).isTrue();
            var hosts = r.state().orElseThrow().hosts();
            assertThat(hosts).extracting(HostSpec::name).containsExactly("host-0001", "host-0002", "host-0003");
            for (int i = 0; i < 3; i++) {
                HostSpec h = hosts.get(i);
                assertThat(h.address()).isEqualTo("127.0.0.1");
                assertThat(h.ssh().port()).isEqualTo(fleet.port(i));
                assertThat(h.ssh().identityFile()).isEqualTo(fleet.clientKey().toString());
                assertThat(h.ssh().knownHosts()).isEqualTo(fleet.knownHosts().toString());
            }
            assertThat(Files.getPosixFilePermissions(fleet.clientKey()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(fleet.clientKey())).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        }
    }

    @Test
    void knownHostsVerifiesEachHostAndEachHostHasItsOwnState() throws Exception {
        try (SimulatedFleet fleet = SimulatedFleet.start("wintermute", 3, dir.resolve("fleet"), 0)) {
            String known = Files.readString(fleet.knownHosts());
            assertThat(known.lines()).hasSize(3).allMatch(l -> l.startsWith("[127.0.0.1]:"));
            try (HostSession one = connect(fleet, 0); HostSession two = connect(fleet, 1)) {
                String inv1 = run(one, "cat", "/etc/xensource-inventory").stdout();
                String inv2 = run(two, "cat", "/etc/xensource-inventory").stdout();
                assertThat(inv1).contains("INSTALLATION_UUID=").isNotEqualTo(inv2);
                assertThat(run(one, "mkdir", "/root/only-on-one").ok()).isTrue();
                assertThat(run(two, "test", "-d", "/root/only-on-one").exitCode()).isEqualTo(1);
                assertThat(run(one, "test", "-d", "/root/only-on-one").exitCode()).isZero();
                assertThat(run(one, "lspci", "-D", "-vmm").stdout().split("\n\n")).hasSize(FleetScenarios.DEVICES);
            }
            // verified against the file, not accepted as new: the file is unchanged
            assertThat(Files.readString(fleet.knownHosts())).isEqualTo(known);
        }
    }

    @Test
    void theTrafficFileCountsConnectionsChannelsAndCommandsPerHost() throws Exception {
        try (SimulatedFleet fleet = SimulatedFleet.start("wintermute", 2, dir.resolve("fleet"), 0)) {
            try (HostSession one = connect(fleet, 0)) {
                run(one, "cat", "/proc/cmdline");
                run(one, "true");
            }
            TrafficLog.start(fleet);
            java.nio.file.Path file = fleet.directory().resolve(TrafficLog.FILE);
            for (int i = 0; i < 100 && !Files.exists(file); i++) Thread.sleep(50);
            assertThat(Files.readString(file)).isEqualTo(
                    "host\tconnections\tchannels\tcommands\nhost-0001\t1\t2\t2\nhost-0002\t0\t0\t0\n");
        }
    }

    @Test
    void planOverTheFleetShowsChangesOnlyWhereDesiredDiffersFromLive() throws Exception {
        try (SimulatedFleet fleet = SimulatedFleet.start("xcpng82", 3, dir.resolve("fleet"), 0)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = JsonContract.run(new PrintWriter(out), new PrintWriter(err), Map.of("HOME", dir.toString()),
                    "plan", "--no-color", "--detailed-exitcode", "-f", fleet.desiredState().toString());
            assertThat(code).as(out + "\n" + err).isEqualTo(2);
            String plan = out.toString();
            assertThat(plan).contains("\n2 hosts unchanged (--show-unchanged lists them)\n")
                    .doesNotContain("host-0001", "host-0003");
            assertThat(plan).containsPattern("host-0002 \\(127.0.0.1\\)\n  ~ hide .*0000:41:00\\.0");
        }
    }

    @Test
    void planWorksAgainstHostsThatRefuseChannelsAboveTheirLimit() throws Exception {
        // Like OpenSSH's MaxSessions: the observation's 16 concurrent reads exceed 4 channels per connection.
        try (SimulatedFleet fleet = SimulatedFleet.start("wintermute", 2, dir.resolve("fleet"), 0, 4)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = JsonContract.run(new PrintWriter(out), new PrintWriter(err), Map.of("HOME", dir.toString()),
                    "plan", "--no-color", "--detailed-exitcode", "-f", fleet.desiredState().toString());
            assertThat(code).as(out + "\n" + err).isEqualTo(2);
            assertThat(out.toString()).contains("\n1 host unchanged (--show-unchanged lists them)\n")
                    .doesNotContain("unreachable");
        }
    }

    private static HostSession connect(SimulatedFleet fleet, int i) throws Exception {
        SshTarget target = new SshTarget(fleet.names().get(i), "127.0.0.1", fleet.port(i), "root",
                Optional.of(fleet.clientKey()), fleet.knownHosts(), Optional.empty(), Optional.empty());
        return SshConnector.connect(target, SshOptions.defaults(Map.of(), false));
    }

    private static CommandResult run(HostSession s, String program, String... args) throws Exception {
        return s.run(Command.of(program, args));
    }
}
