package xenpt.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import xenpt.plan.Change;

/**
 * The steps of one host's apply as they happen: each is reported (progress line) and recorded for the report; the
 * step at which the applying thread was interrupted (Ctrl-C, SIGTERM) is remembered, for the report and the journal.
 */
final class StepLog {

    /** A step's work; returns a note for the report, or {@code ""}. */
    interface Action {
        String run() throws Exception;
    }

    private final String host;
    private final Consumer<String> progress;
    private final List<Step> steps = new ArrayList<>();
    private String current = "lock";
    private Optional<String> interruptedAt = Optional.empty();

    StepLog(String host, Consumer<String> progress) {
        this.host = host;
        this.progress = progress;
    }

    /** Runs one step; false when it failed (then the failure is recorded and reported). */
    boolean step(String name, Optional<Change> change, Action action) {
        current = name;
        try {
            String note = action.run();
            steps.add(new Step(name, Step.State.DONE, change, note));
            progress.accept(host + ": " + name + ": done" + (note.isEmpty() ? "" : " (" + note + ")"));
            return true;
        } catch (Exception e) {
            // sshj reports an interrupted wait as a failed connection; say what happened
            if (Thread.interrupted() || Link.causedByInterrupt(e)) {
                interrupted();
                fail(name, change, host + ": interrupted at " + name);
            } else {
                fail(name, change, message(name, e));
            }
        }
        return false;
    }

    /** The thread was interrupted during the step running now (the first interruption counts). */
    void interrupted() {
        if (interruptedAt.isEmpty()) interruptedAt = Optional.of(current);
    }

    Optional<String> interruptedAt() {
        return interruptedAt;
    }

    /** The first failure's message, if a step failed. */
    Optional<String> firstError() {
        return steps.stream().filter(s -> s.state() == Step.State.FAILED).map(Step::message).findFirst();
    }

    /** Adds to the message of the last step, which failed. */
    void amendLastFailure(String more) {
        Step failed = steps.remove(steps.size() - 1);
        steps.add(new Step(failed.name(), Step.State.FAILED, failed.change(), failed.message() + more));
    }

    /** Records a failure that is no step's own (e.g. an interruption after every change). */
    void fail(String name, Optional<Change> change, String message) {
        steps.add(new Step(name, Step.State.FAILED, change, message));
        progress.accept(host + ": " + name + ": FAILED: " + message);
    }

    /** The changes were not attempted. */
    void skip(List<Change> changes) {
        for (Change c : changes) steps.add(new Step(Step.nameOf(c), Step.State.SKIPPED, Optional.of(c), ""));
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    /** Messages already name the host (wrapped once at the boundary); anything else gets host and step. */
    private String message(String step, Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.startsWith(host + ": ") ? m : host + ": " + step + ": " + m;
    }
}
