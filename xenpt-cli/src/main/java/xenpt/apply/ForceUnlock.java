package xenpt.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import xenpt.format.journal.JournalRecord;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * {@code xenpt force-unlock}: remove a host lock that a dead apply left behind, and only that lock — the one that was
 * shown to the operator (and, with a lock id, only a lock with that id) — then record it in the host's journal.
 */
public final class ForceUnlock {

    /** The lock at a host as found, to show and then to remove exactly. */
    public static final class Found {
        private final LockState state;

        private Found(LockState state) {
            this.state = state;
        }

        public boolean held() {
            return !(state instanceof LockState.Free);
        }

        /** Who holds it, with owner, pid, time, plan, lock id and boot id where the owner file has them. */
        public String holder() {
            return HostLock.describe(state);
        }

        /** The lock id of the holder; empty for a lock without one (no owner file, or an older xenpt's). */
        public Optional<String> lockId() {
            return state instanceof LockState.Held h && !h.owner().lockId().isEmpty()
                    ? Optional.of(h.owner().lockId()) : Optional.empty();
        }
    }

    private ForceUnlock() {}

    public static String path() {
        return HostLock.DIR;
    }

    public static Found read(HostSession s) throws TransportException {
        return new Found(LockState.read(s, HostLock.DIR));
    }

    /**
     * Removes {@code found} if it is still the lock there, and journals it.
     *
     * @param who {@code user@client host} of the operator, for the journal
     * @throws ApplyException when the lock changed since it was read (nothing removed), or a command failed
     */
    public static void remove(HostSession s, Found found, String who, Clock clock, java.util.function.Consumer<String> warn)
            throws ApplyException, TransportException {
        LockRemoval.removeIf(s, s.host(), found.state, HostLock.DIR + ".force." + UUID.randomUUID(), warn);
        String planId = found.state instanceof LockState.Held h ? h.owner().planId() : "";
        String time = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        Journal.append(s, new JournalRecord(UUID.randomUUID().toString(), time, planId, Optional.empty(), "",
                "force-unlocked", List.of(), Optional.empty(),
                Optional.of("the host lock held by " + found.holder() + " was removed by " + who)));
    }
}
