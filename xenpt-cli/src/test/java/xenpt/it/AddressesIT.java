package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.desired.DesiredStateLoader;
import xenpt.desired.HostSpec;
import xenpt.sim.SimulatedHost;

/**
 * Hosts on a port other than 22, reached with their own key and known_hosts: {@code address: host:port} in the
 * desired state, and {@code inspect} / {@code import --address} with {@code --user}, {@code --port},
 * {@code --identity}, {@code --known-hosts}. The simulated host listens on an ephemeral port of 127.0.0.1; HOME is an
 * empty directory, so nothing but the options can make the connection work.
 */
class AddressesIT {

    @TempDir
    static Path dir;

    static SimulatedHost sim;
    static Path knownHosts;
    static Path key;

    @BeforeAll
    static void start() throws Exception {
        sim = SimulatedHost.start("wintermute", dir.resolve("state"));
        knownHosts = dir.resolve("sim_known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + sim.port() + " " + PublicKeyEntry.toString(sim.hostKey()) + "\n");
        key = sim.clientKeyFile();
        Files.createDirectories(dir.resolve("home"));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Cli.Result xenpt(String... args) {
        return Cli.run(dir.resolve("home"), dir.resolve("simdir"), args);
    }

    private static String hostPort() {
        return "127.0.0.1:" + sim.port();
    }

    @Test
    void inspectAddressWithPortIdentityAndKnownHostsReachesTheHost() {
        Cli.Result r = xenpt("inspect", "--address", hostPort(), "--identity", key.toString(), "--known-hosts",
                knownHosts.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("XenServer 7.0.0", "0000:01:03.0");

        Cli.Result port = xenpt("inspect", "--address", "127.0.0.1", "--port", String.valueOf(sim.port()),
                "--identity", key.toString(), "--known-hosts", knownHosts.toString(), "--user", "root");
        assertThat(port.exit()).as(port.toString()).isZero();
    }

    @Test
    void eachOptionIsTheOneThatMakesTheConnectionWork() {
        Cli.Result noKey = xenpt("inspect", "--address", hostPort(), "--known-hosts", knownHosts.toString());
        assertThat(noKey.exit()).isEqualTo(1);
        assertThat(noKey.err()).contains("is unreachable");
        Cli.Result noKnownHosts = xenpt("inspect", "--address", hostPort(), "--identity", key.toString());
        assertThat(noKnownHosts.exit()).isEqualTo(1);
        assertThat(noKnownHosts.err()).contains("unknown host key " + sim.hostKeyFingerprint());
        Cli.Result otherUser = xenpt("inspect", "--address", hostPort(), "--identity", key.toString(),
                "--known-hosts", knownHosts.toString(), "--user", "operator");
        assertThat(otherUser.exit()).isEqualTo(1);
        assertThat(otherUser.err()).contains("is unreachable");
    }

    @Test
    void conflictingOrMisplacedOptionsAreRefusedBeforeAnyConnection() {
        Cli.Result conflict = xenpt("inspect", "--address", hostPort(), "--port", "23");
        assertThat(conflict.exit()).isEqualTo(1);
        assertThat(conflict.err()).contains("--port 23 conflicts with port " + sim.port() + " in --address");
        Cli.Result simUser = xenpt("import", "--address", "sim:wintermute", "--user", "admin");
        assertThat(simUser.exit()).isEqualTo(1);
        assertThat(simUser.err()).contains("--user cannot be used with a sim: address");
        Cli.Result badPort = xenpt("inspect", "--address", "127.0.0.1:70000");
        assertThat(badPort.exit()).isEqualTo(1);
        assertThat(badPort.err()).contains("--address: address '127.0.0.1:70000' has port '70000'");
        Cli.Result hostWithUser = xenpt("inspect", "h", "-f", dir.resolve("none.yaml").toString(), "--user", "x");
        assertThat(hostWithUser.exit()).isEqualTo(1);
        assertThat(hostWithUser.err()).contains("--user apply to --address only");
    }

    @Test
    void addressWithPortInTheDesiredStateIsUsedForInspectAndPlan() throws Exception {
        Path file = dir.resolve("ported.yaml");
        Files.writeString(file, "version: 1\nhosts:\n  wm:\n    address: \"" + hostPort() + "\"\n    ssh:\n"
                + "      identityFile: " + key + "\n      knownHosts: " + knownHosts + "\n");
        Cli.Result inspect = xenpt("inspect", "wm", "-f", file.toString());
        assertThat(inspect.exit()).as(inspect.toString()).isZero();
        assertThat(inspect.out()).startsWith("wm (127.0.0.1)\n");
        Cli.Result plan = xenpt("plan", "-f", file.toString(), "--detailed-exitcode");
        assertThat(plan.exit()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes. 1 host matches the desired state.");
    }

    @Test
    void importWritesThePortAndTheSshSettingsItWasReachedWith() throws Exception {
        Path file = dir.resolve("imported.yaml");
        // A relative key path is written absolute, so the file works from any directory.
        String relativeKey = Path.of("").toAbsolutePath().relativize(key.toAbsolutePath()).toString();
        Cli.Result r = xenpt("import", "--address", hostPort(), "--name", "wm", "--identity", relativeKey,
                "--known-hosts", knownHosts.toString(), "--out", file.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        HostSpec h = DesiredStateLoader.load(file).state().orElseThrow().host("wm").orElseThrow();
        assertThat(h.address()).isEqualTo("127.0.0.1");
        assertThat(h.ssh().port()).isEqualTo(sim.port());
        assertThat(h.ssh().identityFile()).isEqualTo(key.toString());
        assertThat(h.ssh().knownHosts()).isEqualTo(knownHosts.toString());
        assertThat(h.ssh().hostKey()).isEqualTo(sim.hostKeyFingerprint());
        Cli.Result plan = xenpt("plan", "-f", file.toString(), "--detailed-exitcode");
        assertThat(plan.exit()).as(plan.toString()).isZero();
    }
}
