package xenpt.observed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import xenpt.desired.HostSpec;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * Observes many hosts at once, at most {@code parallelism} connections open together. Every host yields an
 * {@link Observation}: a host that cannot be reached or read is {@link Observation.Unreachable} with a one-line
 * reason and never stops the others.
 */
public final class FleetObserver {

    /** Opens a session to a host (SSH, or a simulated host behind SSH). */
    @FunctionalInterface
    public interface Connector {
        HostSession connect(HostSpec host) throws TransportException;
    }

    private FleetObserver() {}

    /**
     * @param progress receives per-host lines ({@code observing wintermute ...}, {@code wintermute: observed in 180 ms});
     *                 called from several threads
     * @return one observation per host, in the order of {@code hosts}
     */
    public static List<Observation> observeAll(List<HostSpec> hosts, int parallelism, Connector connector, Consumer<String> progress) {
        Semaphore slots = new Semaphore(Math.max(1, parallelism));
        Consumer<String> report = line -> {
            synchronized (progress) {
                progress.accept(line);
            }
        };
        List<Future<Observation>> pending = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (HostSpec host : hosts) {
                pending.add(pool.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        return observeOne(host, connector, report);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<Observation> results = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) results.add(result(hosts.get(i), pending.get(i)));
            return results;
        }
    }

    static Observation observeOne(HostSpec host, Connector connector, Consumer<String> progress) {
        long start = System.nanoTime();
        progress.accept("observing " + host.name() + " ...");
        try (HostSession session = connector.connect(host)) {
            ObservedHost observed = Observer.observe(session, host.name(), host.address(), host.method());
            progress.accept(host.name() + ": observed in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            return new Observation.Reached(observed);
        } catch (TransportException | ObservationException | RuntimeException e) {
            String reason = reason(host.name(), e);
            progress.accept(host.name() + ": unreachable: " + reason);
            return new Observation.Unreachable(host.name(), host.address(), reason);
        }
    }

    private static Observation result(HostSpec host, Future<Observation> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Observation.Unreachable(host.name(), host.address(), "interrupted");
        } catch (ExecutionException e) {
            return new Observation.Unreachable(host.name(), host.address(), reason(host.name(), e.getCause()));
        }
    }

    /** One line, without the {@code name: } prefix that transport messages carry. */
    static String reason(String name, Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof RuntimeException && !(e instanceof IllegalArgumentException)) m = "internal error: " + m;
        String line = m.lines().findFirst().orElse(m).strip();
        return line.startsWith(name + ": ") ? line.substring(name.length() + 2) : line;
    }
}
