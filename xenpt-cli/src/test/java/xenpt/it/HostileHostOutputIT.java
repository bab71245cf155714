package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.sim.SimulatedHost;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;
import xenpt.transport.ssh.SshConnector;
import xenpt.transport.ssh.SshOptions;
import xenpt.transport.ssh.SshTarget;

/**
 * A host whose boot file is a link to {@code /dev/zero} (issue 11): its {@code cat} never ends. xenpt's bounded reads
 * fail that read with a message naming the host and the read, well before the command timeout, and the process keeps
 * its memory (before: OutOfMemoryError stack traces and a 120 s hang).
 */
class HostileHostOutputIT {

    @TempDir
    Path dir;

    @Test
    void aBootFileLinkedToDevZeroFailsItsReadWithoutExhaustingMemory() throws Exception {
        try (SimulatedHost sim = SimulatedHost.start("wintermute", dir.resolve("wintermute"))) {
            Path grub = sim.stateDirectory().resolve("root/boot/grub/grub.cfg");
            Files.delete(grub);
            Files.createSymbolicLink(grub, Path.of("/dev/zero"));
        }
        Path desired = dir.resolve("desired.yaml");
        Files.writeString(desired, "version: 1\nhosts:\n  wintermute:\n    address: sim:wintermute\n    hide: [0e:00.0]\n");
        for (String command : new String[] {"plan", "drift"}) {
            Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> Cli.run(dir, command, "-f", desired.toString()));
            String all = r.out() + r.err();
            // plan fails (1); drift reports the host it could not observe as a difference (2), as for any unreachable host
            assertThat(r.exit()).as("%s: %s", command, r).isEqualTo(command.equals("plan") ? 1 : 2);
            assertThat(all).as(command).contains("wintermute").contains("cat /boot/grub/grub.cfg")
                    .contains("more than 32 MiB of output")
                    .doesNotContain("OutOfMemoryError").doesNotContain("Exception").doesNotContain("at xenpt.");
        }
    }

    @Test
    void aFileReadOverSftpThatNeverEndsFailsNamingTheHostAndThePath() throws Exception {
        try (SimulatedHost sim = SimulatedHost.start("wintermute", dir.resolve("wintermute"))) {
            Path grub = sim.stateDirectory().resolve("root/boot/grub/grub.cfg");
            Files.delete(grub);
            Files.createSymbolicLink(grub, Path.of("/dev/zero"));
            SshTarget target = new SshTarget("wintermute", sim.address(), sim.port(), "root",
                    Optional.of(sim.clientKeyFile()), dir.resolve("known_hosts"), Optional.of(sim.hostKeyFingerprint()),
                    Optional.empty());
            try (HostSession session = SshConnector.connect(target, SshOptions.defaults(Map.of(), false))) {
                Throwable t = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> catchThrowable(() -> session.readFile("/boot/grub/grub.cfg")));
                assertThat(t).isInstanceOf(TransportException.class)
                        .hasMessageStartingWith("wintermute: read /boot/grub/grub.cfg failed: more than 32 MiB");
            }
        }
    }
}
