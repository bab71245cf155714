package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import xenpt.diag.Diagnostic;

/**
 * What a sub-planner found on one host: changes to make, statuses to show, diagnostics to report, each in the order
 * found. The planner adds the sub-planners' findings up in its own, visible order ({@link #plus}).
 */
record Findings(List<Change> changes, List<Status> statuses, List<Diagnostic> diagnostics) {

    static final Findings NONE = new Findings(List.of(), List.of(), List.of());

    Findings {
        changes = List.copyOf(changes);
        statuses = List.copyOf(statuses);
        diagnostics = List.copyOf(diagnostics);
    }

    static Findings diagnostics(List<Diagnostic> diagnostics) {
        return new Findings(List.of(), List.of(), diagnostics);
    }

    /** These findings, then {@code later}'s. */
    Findings plus(Findings later) {
        return new Findings(join(changes, later.changes), join(statuses, later.statuses),
                join(diagnostics, later.diagnostics));
    }

    Findings plusChange(Change c) {
        return plus(new Findings(List.of(c), List.of(), List.of()));
    }

    boolean failed() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    private static <T> List<T> join(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
