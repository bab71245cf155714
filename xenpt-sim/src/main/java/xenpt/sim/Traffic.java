package xenpt.sim;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What clients did to one simulated host since it started or was last {@link #reset}: SSH connections opened, exec
 * channels (one per exec request: each is a round trip of its own, and on a real sshd a new shell process), the
 * commands run (a script's commands one by one, builtins such as {@code echo} not counted), and the most exec
 * channels open at once. Lets tests and the bench show how an observation uses the host, without timing anything.
 */
public final class Traffic {

    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger channels = new AtomicInteger();
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    void connectionOpened() {
        connections.incrementAndGet();
    }

    void channelStarted() {
        channels.incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void channelEnded() {
        inFlight.decrementAndGet();
    }

    void commandRun() {
        commands.incrementAndGet();
    }

    public int connections() {
        return connections.get();
    }

    /** Exec channels opened (exec requests). */
    public int channels() {
        return channels.get();
    }

    /** Commands run, each command of a script counted. */
    public int commands() {
        return commands.get();
    }

    /** The most exec channels that were open at once. */
    public int maxConcurrentChannels() {
        return maxInFlight.get();
    }

    /** Starts counting afresh (open channels keep being tracked). */
    public void reset() {
        connections.set(0);
        channels.set(0);
        commands.set(0);
        maxInFlight.set(inFlight.get());
    }
}
