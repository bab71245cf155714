package xenpt.transport.ssh;

/** One-line reasons from exception chains, for messages wrapped once at the transport boundary. */
final class Failures {

    private Failures() {}

    /** The innermost message in the chain that says something (sshj wraps socket errors several times). */
    static String reason(Throwable t) {
        String best = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.isBlank()) best = m;
            else if (best == null) best = c.getClass().getSimpleName();
            if (c.getCause() == c) break;
        }
        return best == null ? t.toString() : best.lines().findFirst().orElse(best).strip();
    }
}
