package xenpt.apply;

import java.util.Objects;
import java.util.Optional;
import xenpt.plan.Change;

/**
 * One step of a host's apply and how it went.
 *
 * @param name    e.g. {@code lock}, {@code assign wintermute/Windows Server 2012 R2}
 * @param change  the plan's change this step carries out, if it is one
 * @param message for a failure the error (naming host and operation); otherwise a note, or {@code ""}
 */
public record Step(String name, State state, Optional<Change> change, String message) {

    public enum State {
        DONE("done"),
        SKIPPED("skipped"),
        FAILED("failed");

        private final String word;

        State(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public Step {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(message, "message");
    }

    /** A step of the closed set {@link StepKind}: its name and change come from the kind. */
    Step(StepKind kind, State state, String message) {
        this(kind.label(), state, kind.change(), message);
    }

    /** A change of the plan that was not attempted. */
    static Step skipped(Change c) {
        return new Step(new StepKind.Perform(c), State.SKIPPED, "");
    }
}
