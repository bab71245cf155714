package xenpt.cli;

/** The one exit-code convention of every command (printed by {@code --help}). */
public final class ExitCode {
    /** Success; for {@code plan --detailed-exitcode} and {@code drift}: no changes, no drift. */
    public static final int OK = 0;
    /** Any error: invalid desired state, unreachable host, failed apply, stale plan, bad usage. */
    public static final int ERROR = 1;
    /** Success with changes present ({@code plan --detailed-exitcode}, {@code review}) or drift found ({@code drift}). */
    public static final int CHANGES = 2;

    private ExitCode() {}
}
