package xenpt.planfile;

/** A saved plan that cannot be read or must not be applied; the message says why, for the operator. */
public final class PlanFileException extends Exception {

    public PlanFileException(String message) {
        super(message);
    }

    public PlanFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
