package xenpt.diag;

import java.util.Objects;
import java.util.Optional;

/**
 * One finding about the user's input or about a host: what is wrong and what is expected.
 *
 * @param location where it is, or {@code null} when it concerns no file (a host fact, a command-line option)
 * @param message  what is wrong, as a sentence without a trailing period
 * @param hint     what is expected or how to fix it, or {@code null}
 */
public record Diagnostic(Severity severity, Location location, String message, String hint)
        implements Comparable<Diagnostic> {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) throw new IllegalArgumentException("empty diagnostic message");
    }

    public static Diagnostic error(Location at, String message, String hint) {
        return new Diagnostic(Severity.ERROR, at, message, hint);
    }

    public static Diagnostic error(Location at, String message) {
        return new Diagnostic(Severity.ERROR, at, message, null);
    }

    public static Diagnostic warning(Location at, String message, String hint) {
        return new Diagnostic(Severity.WARNING, at, message, hint);
    }

    public Optional<Location> where() {
        return Optional.ofNullable(location);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Sorts by location (diagnostics without one last), then severity, then message. */
    @Override
    public int compareTo(Diagnostic o) {
        if (location != null && o.location != null) {
            int c = location.compareTo(o.location);
            if (c != 0) return c;
        } else if (location != o.location) {
            return location == null ? 1 : -1;
        }
        int c = severity.compareTo(o.severity);
        return c != 0 ? c : message.compareTo(o.message);
    }

    /** {@code file:line:col: error: message (hint)}; the one-line form for logs and tests. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (location != null) s.append(location).append(": ");
        s.append(severity.label()).append(": ").append(message);
        if (hint != null) s.append(" (").append(hint).append(')');
        return s.toString();
    }
}
