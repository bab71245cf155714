package xenpt.apply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import xenpt.format.lock.LockOwner;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The per-host apply lock, so that two applies (from any machines) never interleave. Taken by making a temporary
 * directory beside the lock path, writing the owner file into it and renaming the directory to the lock path
 * ({@code mv -T}: one rename(2), which fails when the lock path is a non-empty directory): the lock and its owner
 * appear together, never one without the other. The owner records the host's boot id, so a lock of an earlier boot is
 * stale (its apply died with that boot) and is reclaimed with a warning; an apply that finds its own lock (same lock
 * id: the answer to its rename was lost) takes it back. Release renames the lock away first, so once that one rename
 * is done the host is free whatever happens to the removal of the renamed directory.
 */
final class HostLock {

    static final String DIR = LockOwner.LOCK_DIR;

    private final String host;
    private final Duration timeout;
    private final Duration poll;
    private final String unlockHint;
    private final Consumer<String> warn;
    private LockOwner me;
    private boolean held;
    private boolean tried;

    /** @param unlockHint the command that removes a lock left behind, e.g. {@code xenpt force-unlock h -f f.yaml} */
    HostLock(String host, LockOwner me, Duration timeout, Duration poll, String unlockHint, Consumer<String> warn) {
        this.host = host;
        this.me = me;
        this.timeout = timeout;
        this.poll = poll;
        this.unlockHint = unlockHint;
        this.warn = warn;
    }

    boolean held() {
        return held;
    }

    /** Whether this apply began to take the lock: the host may hold its lock or its temporary directory. */
    boolean tried() {
        return tried;
    }

    /**
     * One attempt without waiting, for an apply that was interrupted while taking the lock and still has to journal:
     * takes the lock when it is free or is this apply's already.
     */
    boolean takeNow(HostSession s) throws ApplyException, TransportException {
        if (me.bootId().isEmpty()) me = me.withBootId(LockState.bootId(s));
        LockState found = LockState.read(s, DIR);
        if (found instanceof LockState.Held h && me.sameLock(h.owner())) held = true;
        return held || found instanceof LockState.Free && take(s);
    }

    LockOwner owner() {
        return me;
    }

    /** Takes the lock, waiting up to the timeout while another apply holds it. */
    void acquire(HostSession s) throws ApplyException, TransportException, InterruptedException {
        me = me.withBootId(LockState.bootId(s));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            LockState found = LockState.read(s, DIR);
            if (found instanceof LockState.Free) {
                if (take(s)) return;
                continue; // lost the race: see who won
            }
            if (found instanceof LockState.Held h && ownOrStale(s, h.owner())) {
                if (held) return;
                continue;
            }
            if (found instanceof LockState.NoOwner n && n.ageSeconds().orElse(0L) > timeout.toSeconds()) {
                throw new ApplyException(host + ": the host lock " + DIR + " has no owner file and is "
                        + Durations.format(Duration.ofSeconds(n.ageSeconds().get())) + " old: an apply of an older"
                        + " xenpt crashed while taking it; if none runs on this host, remove it with: " + unlockHint);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ApplyException(host + ": the host lock " + DIR + " is held by " + describe(found) + "; waited "
                        + Durations.format(timeout) + " (if that apply is no longer running, remove the lock with: "
                        + unlockHint + lockIdOption(found) + ")");
            }
            Thread.sleep(Math.max(1, Math.min(poll.toMillis(), left / 1_000_000)));
        }
    }

    /** This apply's own lock is taken back; a lock of an earlier boot is reclaimed. False: someone else holds it. */
    private boolean ownOrStale(HostSession s, LockOwner found) throws ApplyException, TransportException {
        if (me.sameLock(found)) {
            held = true;
            return true;
        }
        if (!found.fromEarlierBoot(me.bootId())) return false;
        LockRemoval.removeIf(s, host, found, DIR + ".stale." + me.lockId(), warn);
        warn.accept(host + ": warning: reclaimed the host lock of an earlier boot of the host (its apply died with"
                + " that boot): it was held by " + found.describe());
        return true;
    }

    /** After a reboot: the lock must still be ours (its owner file now names the new boot), or be taken again. */
    void reassert(HostSession s) throws ApplyException, TransportException {
        String bootId = LockState.bootId(s);
        LockState found = LockState.read(s, DIR);
        if (found instanceof LockState.Free) {
            me = me.withBootId(bootId);
            if (take(s)) return;
        } else if (found instanceof LockState.Held h && me.sameLock(h.owner())) {
            me = me.withBootId(bootId);
            String tmp = DIR + "/.owner." + me.lockId();
            s.writeFile(tmp, me.toJson().getBytes(StandardCharsets.UTF_8), 0644);
            Remote.must(s, Command.of("mv", "-f", tmp, LockOwner.FILE), "mv");
            return;
        }
        held = false;
        throw new Lost(host + ": after the reboot the host lock " + DIR + " is held by "
                + describe(LockState.read(s, DIR)));
    }

    /**
     * Releases the lock when it is this apply's, also when this apply never learnt that it got it (the answer to its
     * rename was lost, or it was interrupted): a lock that another apply holds is left alone, a lock that is gone is
     * released. Also removes this apply's temporary directory if a failed take left it.
     */
    void release(HostSession s) throws ApplyException, TransportException {
        if (!tried) return;
        if (!held) Remote.must(s, Command.of("rm", "-rf", tmpDir()), "rm");
        LockState found = LockState.read(s, DIR);
        if (found instanceof LockState.Free && held) {
            // Maybe renamed aside by an earlier attempt whose answer was lost: the lock is released, remove that too.
            Remote.must(s, Command.of("rm", "-rf", DIR + ".released." + me.lockId()), "rm");
        } else if (found instanceof LockState.Held h && me.sameLock(h.owner())) {
            LockRemoval.removeIf(s, host, h.owner(), DIR + ".released." + me.lockId(), warn);
        } else if (held && !(found instanceof LockState.Free)) {
            held = false;
            tried = false;
            throw new Lost(host + ": the host lock " + DIR + " is now held by " + describe(found) + "; left as it is");
        }
        held = false;
        tried = false;
    }

    /**
     * One attempt: the owner into a new temporary directory, renamed to the lock path. A lost race (the lock path is
     * a non-empty directory now) leaves no temporary directory.
     */
    private boolean take(HostSession s) throws ApplyException, TransportException {
        String tmp = tmpDir();
        tried = true;
        Remote.must(s, Command.of("mkdir", "-p", tmp), "mkdir");
        s.writeFile(LockOwner.fileIn(tmp), me.toJson().getBytes(StandardCharsets.UTF_8), 0644);
        CommandResult mv = s.run(Command.of("mv", "-T", tmp, DIR));
        if (mv.ok()) {
            held = true;
            return true;
        }
        Remote.must(s, Command.of("rm", "-rf", tmp), "rm");
        if (mv.stderr().contains("Directory not empty") || mv.stderr().contains("File exists")) return false;
        throw Remote.failed(s, "mv", mv);
    }

    /** The lock is another apply's now: this apply lost it (a retry cannot change that). */
    static final class Lost extends ApplyException {
        private static final long serialVersionUID = 1L;
        Lost(String message) {
            super(message);
        }
    }

    private String tmpDir() {
        return DIR + ".tmp." + me.lockId();
    }

    /** Who holds the lock, as the messages say it. */
    static String describe(LockState found) {
        return switch (found) {
            case LockState.Free f -> "nobody any more";
            case LockState.Held h -> h.owner().describe() + (h.owner().bootId().isEmpty() ? ""
                    : " (boot id " + h.owner().bootId() + ")");
            case LockState.Foreign f -> "'" + f.text() + "' (an owner file xenpt did not write)";
            case LockState.NoOwner n -> "an unknown holder (no owner file"
                    + n.ageSeconds().map(a -> ", made " + Durations.format(Duration.ofSeconds(a)) + " ago").orElse("")
                    + ": an older xenpt is taking it, or one crashed and left it)";
        };
    }

    private static String lockIdOption(LockState found) {
        return found instanceof LockState.Held h && !h.owner().lockId().isEmpty()
                ? " --lock-id " + h.owner().lockId() : "";
    }
}
