package xenpt.apply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The per-host apply lock: {@code mkdir /var/lock/xenpt.lock} is atomic on the host, so two applies (from any
 * machines) never interleave. The owner file names the holder. A held lock is retried until the timeout, then the
 * apply of that host fails naming the holder. {@code /var/lock} is a tmpfs on real hosts, so a reboot clears it:
 * {@link #reassert} takes it again afterwards.
 */
final class HostLock {

    static final String DIR = "/var/lock/xenpt.lock";
    static final String OWNER_FILE = DIR + "/owner";

    private final String host;
    private final LockOwner me;
    private final Duration timeout;
    private final Duration poll;
    private boolean held;

    HostLock(String host, LockOwner me, Duration timeout, Duration poll) {
        this.host = host;
        this.me = me;
        this.timeout = timeout;
        this.poll = poll;
    }

    boolean held() {
        return held;
    }

    /** Takes the lock, waiting up to the timeout while another apply holds it. */
    void acquire(HostSession s) throws ApplyException, TransportException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!tryTake(s)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ApplyException(host + ": the host lock " + DIR + " is held by " + holder(s) + "; waited "
                        + Durations.format(timeout) + " (if that apply is no longer running, remove the lock: rm "
                        + OWNER_FILE + "; rmdir " + DIR + ")");
            }
            Thread.sleep(Math.max(1, Math.min(poll.toMillis(), left / 1_000_000)));
        }
    }

    /** After a reboot: the lock must still be ours, or be taken again if the reboot cleared it. */
    void reassert(HostSession s) throws ApplyException, TransportException {
        if (tryTake(s)) return;
        CommandResult r = s.run(Command.of("cat", OWNER_FILE));
        if (!r.ok() || !r.stdout().strip().equals(me.toJson().strip())) {
            held = false;
            throw new ApplyException(host + ": after the reboot the host lock " + DIR + " is held by " + holder(s));
        }
    }

    /**
     * Removes the owner file and the directory; only when this apply holds the lock. A lock that another apply holds
     * now (a reboot cleared {@code /var/lock} and it took the lock) is left alone; a lock that is gone is released.
     * Without an owner file the directory is this apply's (taken, but the owner file was not written).
     */
    void release(HostSession s) throws ApplyException, TransportException {
        if (!held) return;
        CommandResult owner = s.run(Command.of("cat", OWNER_FILE));
        if (owner.ok()) {
            var other = LockOwner.parse(owner.stdout()).filter(o -> !o.equals(me));
            if (other.isPresent()) {
                held = false;
                throw new ApplyException(host + ": the host lock " + DIR + " is now held by " + other.get().describe()
                        + "; left as it is");
            }
        } else if (!s.run(Command.of("test", "-d", DIR)).ok()) {
            held = false;
            return;
        }
        CommandResult rm = s.run(Command.of("rm", "-f", OWNER_FILE));
        if (!rm.ok()) throw Remote.failed(s, "rm", rm);
        Remote.must(s, Command.of("rmdir", DIR), "rmdir");
        held = false;
    }

    private boolean tryTake(HostSession s) throws ApplyException, TransportException {
        CommandResult r = s.run(Command.of("mkdir", DIR));
        if (!r.ok()) {
            if (r.stderr().contains("File exists")) return false;
            throw Remote.failed(s, "mkdir", r);
        }
        held = true;
        s.writeFile(OWNER_FILE, me.toJson().getBytes(StandardCharsets.UTF_8), 0644);
        return true;
    }

    /** Who holds the lock, from its owner file; the raw text when xenpt did not write it. */
    String holder(HostSession s) throws TransportException {
        CommandResult r = s.run(Command.of("cat", OWNER_FILE));
        if (!r.ok()) return "an unknown holder (no owner file: an apply is taking it, or one crashed and left it)";
        return LockOwner.parse(r.stdout()).map(LockOwner::describe).orElse("'" + r.stdout().strip() + "'");
    }
}
