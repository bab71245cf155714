package xenpt.transport.ssh;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How many session channels one connection opens at once. It starts at the configured cap, high enough for a whole
 * round of reads to go out together; a server that refuses a channel while others are open (OpenSSH's
 * {@code MaxSessions}, 10 by default, answers "administratively prohibited") lowers the cap to what it allowed, and
 * the refused command waits for a free channel and tries again.
 */
final class ChannelGate {

    private int cap;
    private int open;

    ChannelGate(int cap) {
        if (cap < 1) throw new IllegalArgumentException("cap must be at least 1");
        this.cap = cap;
    }

    /** Takes a channel slot, waiting until {@code deadline} ({@link System#nanoTime()}) at most. */
    synchronized void acquire(long deadline) throws InterruptedException, TimeoutException {
        while (open >= cap) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new TimeoutException();
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        open++;
    }

    synchronized void release() {
        open--;
        notifyAll();
    }

    /**
     * The server refused the channel of a slot this caller holds. When other channels were open, that is its limit:
     * the cap drops to their number and the caller should retry (after releasing its slot); alone, the refusal is real.
     */
    synchronized boolean refusedAtLimit() {
        int others = open - 1;
        if (others < 1) return false;
        cap = Math.min(cap, others);
        return true;
    }

    synchronized int cap() {
        return cap;
    }
}
