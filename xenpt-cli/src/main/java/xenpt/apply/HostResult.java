package xenpt.apply;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import xenpt.format.journal.RebootTrace.TracedVm;

/**
 * What an apply did on one host, step by step, in order. No steps: the plan had nothing to do there.
 *
 * @param leftHalted VMs a reboot shut down and left halted ({@code vmRestart: manual}): next steps for the operator
 */
public record HostResult(String name, String address, List<Step> steps, List<TracedVm> leftHalted) {

    /** The step of a host that could not be reached when the plan was made ({@code --skip-unreachable}). */
    public static final String REACH = StepKind.Phase.REACH.label();

    public HostResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        steps = List.copyOf(steps);
        leftHalted = List.copyOf(leftHalted);
    }

    public HostResult(String name, String address, List<Step> steps) {
        this(name, address, steps, List.of());
    }

    public boolean failed() {
        return steps.stream().anyMatch(s -> s.state() == Step.State.FAILED);
    }

    /** The first failure's message. */
    public Optional<String> error() {
        return steps.stream().filter(s -> s.state() == Step.State.FAILED).map(Step::message).findFirst();
    }

    /** A host left out because it could not be reached: listed as failed, nothing was done there. */
    public static HostResult unreachable(String name, String address, String reason) {
        return new HostResult(name, address, List.of(new Step(StepKind.Phase.REACH, Step.State.FAILED,
                name + ": unreachable, left out (--skip-unreachable): " + reason)));
    }

    /** {@code applied}, {@code failed}, {@code unreachable} or {@code unchanged}. */
    public String result() {
        if (steps.size() == 1 && steps.get(0).name().equals(REACH) && failed()) return "unreachable";
        if (failed()) return "failed";
        return steps.isEmpty() ? "unchanged" : "applied";
    }

    public long changes(Step.State state) {
        return steps.stream().filter(s -> s.change().isPresent() && s.state() == state).count();
    }
}
