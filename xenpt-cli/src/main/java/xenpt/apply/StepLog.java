package xenpt.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import xenpt.observed.ObservationException;
import xenpt.plan.Change;
import xenpt.transport.TransportException;

/**
 * The steps of one host's apply as they happen: each is reported (progress line) and recorded for the report; the
 * step at which the applying thread was interrupted (Ctrl-C, SIGTERM) is remembered, for the report and the journal.
 */
final class StepLog {

    /** A step's work, giving a value to the caller; what it may throw is what {@link Failure#of} classifies. */
    interface Work<T> {
        T run() throws ApplyException, TransportException, ObservationException, InterruptedException;
    }

    private final String host;
    private final Consumer<String> progress;
    private final List<Step> steps = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private StepKind current = StepKind.Phase.LOCK;
    private Optional<String> interruptedAt = Optional.empty();

    StepLog(String host, Consumer<String> progress) {
        this.host = host;
        this.progress = progress;
    }

    /** Runs one step whose work returns a note for the report (or {@code ""}); false when it failed. */
    boolean step(StepKind kind, Work<String> work) {
        return run(kind, work, note -> note).isPresent();
    }

    /** Runs one step; its work's value, or empty when it failed (then the failure is recorded and reported). */
    <T> Optional<T> run(StepKind kind, Work<T> work, Function<T, String> note) {
        current = kind;
        try {
            T value = work.run();
            String n = note.apply(value);
            steps.add(new Step(kind, Step.State.DONE, n));
            progress.accept(host + ": " + kind.label() + ": done" + (n.isEmpty() ? "" : " (" + n + ")"));
            return Optional.of(value);
        } catch (ApplyException | TransportException | ObservationException | InterruptedException | RuntimeException e) {
            // sshj reports an interrupted wait as a failed connection; say what happened
            boolean interrupted = Thread.interrupted() || e instanceof InterruptedException || Link.causedByInterrupt(e);
            if (interrupted) interrupted();
            fail(kind, Failure.of(host, kind.label(), e, interrupted));
            return Optional.empty();
        }
    }

    /** The thread was interrupted during the step running now (the first interruption counts). */
    void interrupted() {
        if (interruptedAt.isEmpty()) interruptedAt = Optional.of(current.label());
    }

    Optional<String> interruptedAt() {
        return interruptedAt;
    }

    /** The first failure's message, if a step failed. */
    Optional<String> firstError() {
        return failures.stream().findFirst().map(Failure::message);
    }

    /** Adds to the message of the last step, which failed. */
    void amendLastFailure(String more) {
        Step failed = steps.remove(steps.size() - 1);
        steps.add(new Step(failed.name(), Step.State.FAILED, failed.change(), failed.message() + more));
    }

    /** Records a failure (also one that is no step's own, e.g. an interruption after every change). */
    void fail(StepKind kind, Failure failure) {
        failures.add(failure);
        steps.add(new Step(kind, Step.State.FAILED, failure.message()));
        progress.accept(host + ": " + kind.label() + ": FAILED: " + failure.message());
    }

    /** The changes were not attempted. */
    void skip(List<Change> changes) {
        changes.forEach(c -> steps.add(Step.skipped(c)));
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }
}
