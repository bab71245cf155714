package xenpt.apply;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How an apply behaves.
 *
 * @param parallelism   hosts changed at once (reboots are one at a time regardless)
 * @param lockTimeout   how long a held host lock is waited for; zero: fail at once
 * @param rebootTimeout how long a rebooting host may take to answer again with a new boot id
 * @param pollInterval  between attempts to take a held lock and to reach a rebooting host
 * @param owner         who applies, {@code user@client host}, written into the lock's owner file
 * @param pid           the applying process, for the owner file
 * @param clock         for the lock's and the journal's times (UTC)
 * @param forceShutdown a VM that does not shut down cleanly before a reboot is forced off ({@code --force-shutdown});
 *                      without it the reboot is refused
 */
public record ApplyOptions(int parallelism, Duration lockTimeout, Duration rebootTimeout, Duration pollInterval,
        String owner, long pid, Clock clock, boolean forceShutdown) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_REBOOT_TIMEOUT = Duration.ofMinutes(10);

    public ApplyOptions {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1");
        requireNotNegative(lockTimeout, "lockTimeout");
        requireNotNegative(rebootTimeout, "rebootTimeout");
        requireNotNegative(pollInterval, "pollInterval");
        if (pollInterval.isZero()) throw new IllegalArgumentException("pollInterval must be positive");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(clock, "clock");
    }

    /** Options that never force a VM off. */
    public ApplyOptions(int parallelism, Duration lockTimeout, Duration rebootTimeout, Duration pollInterval,
            String owner, long pid, Clock clock) {
        this(parallelism, lockTimeout, rebootTimeout, pollInterval, owner, pid, clock, false);
    }

    private static void requireNotNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) throw new IllegalArgumentException(what + " must not be negative");
    }
}
