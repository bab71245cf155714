package xenpt.apply;

/**
 * A step of an apply that the host refused or that did not verify, e.g.
 * {@code wintermute: xe vm-param-set failed (exit 1): The uuid you supplied was invalid.}
 */
public class ApplyException extends Exception {

    private static final long serialVersionUID = 1L;

    public ApplyException(String message) {
        super(message);
    }

    public ApplyException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A command on the host exited non-zero ({@link Remote#failed}); other apply exceptions are refusals. */
    public static final class CommandFailed extends ApplyException {

        private static final long serialVersionUID = 1L;

        CommandFailed(String message) {
            super(message);
        }
    }
}
