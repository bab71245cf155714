package xenpt.sim;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What clients did to one simulated host since it started: SSH connections opened, exec commands run, and the most
 * commands that were in flight at once. Lets tests show that an observation uses one connection and overlaps its
 * reads, without timing anything.
 */
public final class Traffic {

    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    void connectionOpened() {
        connections.incrementAndGet();
    }

    void commandStarted() {
        commands.incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void commandEnded() {
        inFlight.decrementAndGet();
    }

    public int connections() {
        return connections.get();
    }

    public int commands() {
        return commands.get();
    }

    public int maxConcurrentCommands() {
        return maxInFlight.get();
    }

    /** Starts counting afresh (in-flight commands keep being tracked). */
    public void reset() {
        connections.set(0);
        commands.set(0);
        maxInFlight.set(inFlight.get());
    }
}
