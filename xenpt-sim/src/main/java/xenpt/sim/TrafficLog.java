package xenpt.sim;

import java.io.IOException;
import java.nio.file.Path;

/**
 * For the bench: {@code sim serve --hosts N} rewrites {@code <dir>/traffic.tsv} twice a second with each host's
 * counters since start ({@code host connections channels commands}, tab-separated, a header line first), so a script
 * can take the difference around one run and print channels and commands per host.
 */
public final class TrafficLog {

    public static final String FILE = "traffic.tsv";

    private TrafficLog() {}

    /** Starts the writer on a daemon thread; it stops with the process. */
    public static void start(SimulatedFleet fleet) {
        Path file = fleet.directory().resolve(FILE);
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    StateStore.writeAtomically(file, table(fleet));
                    Thread.sleep(500);
                }
            } catch (IOException | InterruptedException e) {
                // the fleet is going away
            }
        }, "xenpt-sim-traffic");
        t.setDaemon(true);
        t.start();
    }

    static String table(SimulatedFleet fleet) {
        StringBuilder s = new StringBuilder("host\tconnections\tchannels\tcommands\n");
        java.util.List<String> names = fleet.names();
        for (int i = 0; i < names.size(); i++) {
            Traffic t = fleet.traffic(i);
            s.append(names.get(i)).append('\t').append(t.connections()).append('\t').append(t.channels())
                    .append('\t').append(t.commands()).append('\n');
        }
        return s.toString();
    }
}
