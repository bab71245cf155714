package xenpt.diag;

/** How bad a diagnostic is. Errors fail the command; warnings are reported and the command goes on. */
public enum Severity {
    ERROR,
    WARNING;

    public String label() {
        return switch (this) {
            case ERROR -> "error";
            case WARNING -> "warning";
        };
    }
}
