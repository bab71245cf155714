package xenpt.apply;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What an apply did on one host, step by step, in order. No steps: the plan had nothing to do there. */
public record HostResult(String name, String address, List<Step> steps) {

    public HostResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        steps = List.copyOf(steps);
    }

    public boolean failed() {
        return steps.stream().anyMatch(s -> s.state() == Step.State.FAILED);
    }

    /** The first failure's message. */
    public Optional<String> error() {
        return steps.stream().filter(s -> s.state() == Step.State.FAILED).map(Step::message).findFirst();
    }

    /** {@code applied}, {@code failed} or {@code unchanged}. */
    public String result() {
        if (failed()) return "failed";
        return steps.isEmpty() ? "unchanged" : "applied";
    }

    public long changes(Step.State state) {
        return steps.stream().filter(s -> s.change().isPresent() && s.state() == state).count();
    }
}
