package xenpt.cli;

import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;
import xenpt.apply.ApplyOptions;

/** {@code apply}'s options on waiting for locks and reboots, and on VMs that do not shut down in time. */
final class RebootOptions {

    @Option(names = "--lock-timeout", paramLabel = "D", converter = DurationConverter.class,
            description = "How long to wait for a host lock held by another apply, e.g. 0, 30s, 2m (default: 60s).")
    Duration lockTimeout = ApplyOptions.DEFAULT_LOCK_TIMEOUT;

    @Option(names = "--reboot-timeout", paramLabel = "D", converter = DurationConverter.class,
            description = "How long a rebooting host may take to come back (default: 10m).")
    Duration rebootTimeout = ApplyOptions.DEFAULT_REBOOT_TIMEOUT;

    @Option(names = "--poll-interval", paramLabel = "D", converter = DurationConverter.class, hidden = true,
            description = "Between attempts to take a held lock or reach a rebooting host (default: 1s).")
    Duration pollInterval = Duration.ofSeconds(1);

    @Option(names = "--force-shutdown", description = "Before a reboot, force off a VM that does not shut down cleanly"
            + " within xapi's timeout (xe vm-shutdown --force; default: refuse the reboot and start again what was shut down).")
    boolean forceShutdown;

    ApplyOptions options(int parallelism, String owner) {
        return new ApplyOptions(parallelism, lockTimeout, rebootTimeout, pollInterval, owner,
                ProcessHandle.current().pid(), Clock.systemUTC(), forceShutdown);
    }
}
