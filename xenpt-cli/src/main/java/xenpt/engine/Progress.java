package xenpt.engine;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import xenpt.apply.Executor;
import xenpt.apply.HostConnector;
import xenpt.observed.FleetObserver;
import xenpt.transport.ForwardingSession;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * Progress on stderr while hosts are observed or changed. Piped or in CI: one line per event, a log to keep. On a
 * terminal: one live line with a counter and the hosts open longest ({@code observing 143/200 … waiting on h017,
 * h042}), rewritten in place, so a fleet of hundreds does not scroll the plan away; lines that report a problem stay
 * on screen. With {@code --quiet}: only those. A host counts as open from its connection until its session (or, for
 * apply, its connector) is closed. Thread-safe: hosts report from their own threads.
 */
public final class Progress implements Consumer<String> {

    /** How progress is shown. */
    public enum Mode { QUIET, LINES, LIVE }

    private static final String CLEAR_LINE = "\r\033[K";
    private static final int NAMES = 3;

    private final PrintWriter err;
    private final Mode mode;
    private final String verb;
    private final int total;
    private final int width;
    /** Hosts open now, oldest first: the first are the slowest. */
    private final Set<String> open = new LinkedHashSet<>();
    private int finished;
    private String last = "";
    private boolean showing;

    Progress(PrintWriter err, Mode mode, String verb, int total, int width) {
        this.err = err;
        this.mode = mode;
        this.verb = verb;
        this.total = total;
        this.width = Math.max(20, width);
    }

    /** Progress of {@code verb} ({@code observing}, {@code applying}) over {@code total} hosts. */
    public static Progress of(Session session, String verb, int total) {
        return new Progress(session.err(), session.progress(), verb, total, columns(session));
    }

    @Override
    public synchronized void accept(String line) {
        if (mode == Mode.LINES || (mode == Mode.QUIET && problem(line))) {
            err.println(line);
        } else if (mode == Mode.LIVE && problem(line)) {
            err.print(CLEAR_LINE);
            err.println(line);
            showing = false;
            draw();
        } else if (mode == Mode.LIVE) {
            // "observing h017 ..." says what the counter says; the line keeps the latest news instead.
            if (!line.startsWith(verb + " ")) last = line;
            draw();
        }
        err.flush();
    }

    /** The live line now: the counter, the hosts open longest, the latest event. */
    synchronized String line() {
        StringBuilder s = new StringBuilder(verb).append(' ').append(finished).append('/').append(total);
        if (!open.isEmpty()) {
            List<String> names = open.stream().limit(NAMES).toList();
            s.append(" … waiting on ").append(String.join(", ", names));
            if (open.size() > NAMES) s.append(" (+").append(open.size() - NAMES).append(')');
        }
        if (!last.isEmpty()) s.append(" · ").append(last);
        return s.length() < width ? s.toString() : s.substring(0, width - 2) + "…";
    }

    synchronized void started(String host) {
        open.add(host);
        if (mode == Mode.LIVE) draw();
    }

    synchronized void finished(String host) {
        if (open.remove(host)) finished++;
        if (mode == Mode.LIVE) draw();
    }

    /** The connector, with each host counted open from its connection until its session closes. */
    public FleetObserver.Connector countingSessions(FleetObserver.Connector connector) {
        return spec -> {
            started(spec.name());
            try {
                return onClose(connector.connect(spec), () -> finished(spec.name()));
            } catch (TransportException | RuntimeException e) {
                finished(spec.name());
                throw e;
            }
        };
    }

    /** The connectors, with each host counted open from its connector's opening until its closing. */
    public Executor.Connectors countingConnectors(Executor.Connectors connectors) {
        return spec -> {
            started(spec.name());
            HostConnector c = connectors.open(spec);
            return new HostConnector() {
                @Override
                public HostSession connect() throws TransportException {
                    return c.connect();
                }

                @Override
                public void close() {
                    try {
                        c.close();
                    } finally {
                        finished(spec.name());
                    }
                }
            };
        };
    }

    /** Clears the live line; call before printing results. */
    public synchronized void done() {
        if (showing) {
            err.print(CLEAR_LINE);
            err.flush();
            showing = false;
        }
    }

    private void draw() {
        err.print(CLEAR_LINE + line());
        err.flush();
        showing = true;
    }

    private static HostSession onClose(HostSession s, Runnable closed) {
        return new ForwardingSession(s) {
            @Override
            public void close() {
                try {
                    super.close();
                } finally {
                    closed.run();
                }
            }
        };
    }

    /** The terminal's width where the shell exports it ({@code COLUMNS}), else 80. */
    private static int columns(Session session) {
        try {
            return Integer.parseInt(session.env().getOrDefault("COLUMNS", "80").strip());
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    private static boolean problem(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        return l.contains("unreachable") || l.contains("fail") || l.contains("error") || l.contains("warning");
    }
}
