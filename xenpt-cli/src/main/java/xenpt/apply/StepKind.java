package xenpt.apply;

import java.util.Objects;
import java.util.Optional;
import xenpt.plan.Change;

/**
 * What a step of a host's apply does: a closed set, so that the apply and its report cannot disagree on a step's
 * name. The bookkeeping steps around the changes are {@link Phase}s; each change of the plan is a {@link Perform}.
 */
public sealed interface StepKind {

    /** The step's name as the report and the progress lines print it, e.g. {@code check plan}, {@code pin h/vm}. */
    String label();

    /** The plan's change the step carries out, if it is one. */
    Optional<Change> change();

    /** The steps that are no change of the plan, in the order an apply meets them. */
    enum Phase implements StepKind {
        /** A host left out because it could not be reached when the plan was made. */
        REACH("reach"),
        /** A host whose apply could not start (its worker failed). */
        START("start"),
        LOCK("lock"),
        CHECK_PLAN("check plan"),
        JOURNAL("journal"),
        UNLOCK("unlock"),
        /** An interruption after every change, during the bookkeeping. */
        STOP("stop");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public Optional<Change> change() {
            return Optional.empty();
        }
    }

    /** Carries out one change (hide, assign, pin, reboot, restart-vm): named {@code kind target}, as the plan does. */
    record Perform(Change step) implements StepKind {
        public Perform {
            Objects.requireNonNull(step, "step");
        }

        @Override
        public String label() {
            return step.kind().word() + " " + step.target();
        }

        @Override
        public Optional<Change> change() {
            return Optional.of(step);
        }
    }
}
