package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.desired.HideMethod;
import xenpt.observed.ObservedHost;
import xenpt.observed.Observer;
import xenpt.sim.SimulatedHost;
import xenpt.transport.HostSession;
import xenpt.transport.ssh.SshConnector;
import xenpt.transport.ssh.SshOptions;
import xenpt.transport.ssh.SshTarget;

/** Observation of a simulated host over real SSH: host keys, one connection and two channels, reboots. */
class ObservationIT {

    @TempDir
    Path dir;

    @Test
    void unknownHostKeyIsRefusedWithItsFingerprintAndAcceptedOnlyWhenAsked() throws Exception {
        try (SimulatedHost sim = SimulatedHost.start("wintermute", dir.resolve("a"))) {
            Path knownHosts = dir.resolve("known_hosts");
            Path desired = desiredState(sim, knownHosts);

            Cli.Result refused = Cli.run(dir, "inspect", "wintermute", "-f", desired.toString());
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains(sim.hostKeyFingerprint());
            assertThat(knownHosts).doesNotExist();

            Cli.Result accepted = Cli.run(dir, "--accept-new-host-keys", "inspect", "wintermute", "-f", desired.toString());
            assertThat(accepted.exit()).as(accepted.toString()).isZero();
            assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + sim.port());

            Cli.Result known = Cli.run(dir, "inspect", "wintermute", "-f", desired.toString());
            assertThat(known.exit()).as(known.toString()).isZero();
        }
    }

    @Test
    void changedHostKeyIsAlwaysRefused() throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        try (SimulatedHost first = SimulatedHost.start("wintermute", dir.resolve("a"));
                SimulatedHost second = SimulatedHost.start("wintermute", dir.resolve("b"))) {
            assertThat(second.hostKeyFingerprint()).isNotEqualTo(first.hostKeyFingerprint());
            Cli.Result accepted = Cli.run(dir, "--accept-new-host-keys", "inspect", "wintermute", "-f",
                    desiredState(first, knownHosts).toString());
            assertThat(accepted.exit()).as(accepted.toString()).isZero();
            // The second host now answers at the address known_hosts holds the first one's key for.
            String recorded = Files.readString(knownHosts)
                    .replace("[127.0.0.1]:" + first.port(), "[127.0.0.1]:" + second.port());
            Files.writeString(knownHosts, recorded);

            for (String[] flags : new String[][] {{}, {"--accept-new-host-keys"}}) {
                String[] args = concat(flags, "inspect", "wintermute", "-f", desiredState(second, knownHosts).toString());
                Cli.Result r = Cli.run(dir, args);
                assertThat(r.exit()).isEqualTo(1);
                assertThat(r.err()).containsIgnoringCase("changed").contains(second.hostKeyFingerprint());
            }
        }
    }

    @Test
    void oneObservationUsesOneConnectionAndOneChannel() throws Exception {
        try (SimulatedHost sim = SimulatedHost.start("wintermute", dir.resolve("w"))) {
            sim.traffic().reset();
            try (HostSession session = connect(sim)) {
                ObservedHost host = Observer.observe(session, "wintermute", "sim:wintermute", HideMethod.AUTO);
                assertThat(host.vms()).isNotEmpty();
            }
            assertThat(sim.traffic().connections()).isEqualTo(1);
            // Every read ran (round 1's 21, then the exact other-config:pci reads and the host's evacuation check),
            // in one exec channel.
            assertThat(sim.traffic().commands()).isGreaterThanOrEqualTo(23);
            assertThat(sim.traffic().channels()).isEqualTo(1);
            assertThat(sim.traffic().maxConcurrentChannels()).isEqualTo(1);
        }
    }

    @Test
    void withLatencyAnObservationCostsTwoRoundTripsNotTheSumOfItsReads() throws Exception {
        try (SimulatedHost sim = SimulatedHost.start("wintermute", dir.resolve("w"))) {
            long fast = observeMillis(sim);
            sim.faults().latency(100);
            sim.traffic().reset();
            long slow = observeMillis(sim);
            int commands = sim.traffic().commands();
            // Latency is paid per round trip: the exec request, and round 2's requests after round 1's marker; a
            // generous bound far below the reads' latencies summed (here ~1.8 s); bench/ measures the figure itself.
            assertThat(sim.traffic().channels()).isEqualTo(1);
            assertThat(slow - fast).as("added time for %d commands at 100 ms", commands).isLessThan(commands * 100L / 2);
        }
    }

    @Test
    void rebootBringsPcibackUpWithTheHiddenDevicesOrNotAtAllForAMalformedList() throws Exception {
        try (SimulatedHost sim = SimulatedHost.start("wintermute", dir.resolve("wintermute"))) {
            sim.setRebootDelay(Duration.ofMillis(200));
            String before = observe(sim).runtime().bootId();

            editDom0Line(sim, " xen-pciback.hide=(0000:01:03.0)(0e:00.0)");
            rebootAndWait(sim);
            ObservedHost good = observe(sim);
            assertThat(good.runtime().bootId()).isNotEqualTo(before);
            assertThat(good.runtime().pcibackLoaded()).isTrue();
            assertThat(good.runtime().pcibackBound()).map(Object::toString).containsExactly("0000:01:03.0", "0000:0e:00.0");
            assertThat(good.pendingReboot()).isFalse();

            editDom0Line(sim, " xen-pciback.hide=(0000:01:03.0)(0e::00.0)");
            rebootAndWait(sim);
            assertThat(observe(sim).runtime().pcibackLoaded()).isFalse();
            Cli.Result r = Cli.run(dir, "inspect", "--address", "sim:wintermute");
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out()).contains("pciback:", "NOT LOADED");
        }
    }

    // -- helpers

    private Path desiredState(SimulatedHost sim, Path knownHosts) throws Exception {
        Path file = dir.resolve("desired-" + sim.port() + ".yaml");
        Files.writeString(file, """
                version: 1
                hosts:
                  wintermute:
                    address: 127.0.0.1
                    ssh:
                      port: %d
                      identityFile: %s
                      knownHosts: %s
                """.formatted(sim.port(), sim.clientKeyFile(), knownHosts));
        return file;
    }

    private static HostSession connect(SimulatedHost sim) throws Exception {
        SshTarget target = new SshTarget("wintermute", sim.address(), sim.port(), "root", Optional.of(sim.clientKeyFile()),
                Path.of("/nonexistent/known_hosts"), Optional.of(sim.hostKeyFingerprint()), Optional.empty());
        return SshConnector.connect(target, SshOptions.defaults(Map.of(), false));
    }

    private static ObservedHost observe(SimulatedHost sim) throws Exception {
        try (HostSession session = connect(sim)) {
            return Observer.observe(session, "wintermute", "sim:wintermute", HideMethod.AUTO);
        }
    }

    private static long observeMillis(SimulatedHost sim) throws Exception {
        long start = System.nanoTime();
        observe(sim);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Appends {@code suffix} to the dom0 kernel line of the default entry, as an administrator would by hand. */
    private static void editDom0Line(SimulatedHost sim, String suffix) throws Exception {
        Path grub = sim.stateDirectory().resolve("root/boot/grub/grub.cfg");
        String text = Files.readString(grub, StandardCharsets.UTF_8);
        String kernelLine = text.lines().filter(l -> l.strip().startsWith("module2 /boot/vmlinuz")).findFirst().orElseThrow();
        String cleaned = kernelLine.replaceAll(" xen-pciback\\.hide=\\S*", "");
        Files.writeString(grub, text.replace(kernelLine, cleaned + suffix), StandardCharsets.UTF_8);
    }

    private static void rebootAndWait(SimulatedHost sim) throws Exception {
        sim.reboot();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!sim.isUp()) {
            if (System.nanoTime() > deadline) throw new AssertionError("host did not come back");
            Thread.sleep(50);
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
