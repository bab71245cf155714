package xenpt.sim;

/**
 * What one command did: exit status, stdout, stderr, and what happens to the connection afterwards
 * ({@link Effect#DROP}: closed without an exit status; {@link Effect#DROP_AFTER}, {@link Effect#HANG}: faults;
 * {@link Effect#REBOOT}: the host goes down after answering; {@link Effect#ENDLESS_ZEROS}: stdout never ends).
 */
record Outcome(int exit, String out, String err, Effect effect) {

    enum Effect {
        NONE,
        DROP,
        /** The command runs, then the connection is closed before its answer is sent (a fault). */
        DROP_AFTER,
        /** No answer, the command never runs, until the client gives up and closes the connection (a fault). */
        HANG,
        REBOOT,
        /**
         * After {@code out}, stdout goes on with NUL bytes without end and no exit status ever comes: {@code cat} of
         * {@code /dev/zero} (zero(4): reads return as many zero bytes as asked). It ends when the client closes the
         * channel, as the real {@code cat} dies of SIGPIPE.
         */
        ENDLESS_ZEROS
    }

    static Outcome ok(String out) {
        return new Outcome(0, out, "", Effect.NONE);
    }

    static Outcome fail(int exit, String err) {
        return new Outcome(exit, "", err, Effect.NONE);
    }

    static Outcome of(int exit, String out, String err) {
        return new Outcome(exit, out, err, Effect.NONE);
    }
}
