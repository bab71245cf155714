package xenpt.engine;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress on stderr while hosts are observed or changed. Piped or in CI: one line per event, a log to keep. On a
 * terminal: one live line, rewritten in place, so a fleet of hundreds does not scroll the plan away; lines that
 * report a problem stay on screen. Thread-safe: hosts report from their own threads.
 */
public final class Progress implements Consumer<String> {

    private static final String CLEAR_LINE = "\r\033[K";
    private static final int WIDTH = 100;

    private final PrintWriter err;
    private final boolean live;
    private boolean showing;

    Progress(PrintWriter err, boolean live) {
        this.err = err;
        this.live = live;
    }

    public static Progress of(Session session) {
        return new Progress(session.err(), session.liveProgress());
    }

    @Override
    public synchronized void accept(String line) {
        if (!live) {
            err.println(line);
        } else if (problem(line)) {
            err.print(CLEAR_LINE);
            err.println(line);
            showing = false;
        } else {
            err.print(CLEAR_LINE + (line.length() > WIDTH ? line.substring(0, WIDTH - 1) + "…" : line));
            showing = true;
        }
        err.flush();
    }

    /** Clears the live line; call before printing results. */
    public synchronized void done() {
        if (showing) {
            err.print(CLEAR_LINE);
            err.flush();
            showing = false;
        }
    }

    private static boolean problem(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        return l.contains("unreachable") || l.contains("fail") || l.contains("error") || l.contains("warning");
    }
}
