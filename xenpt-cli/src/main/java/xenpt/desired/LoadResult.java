package xenpt.desired;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import xenpt.diag.Diagnostic;

/**
 * The outcome of loading the desired state.
 *
 * @param state       the desired state, present exactly when no diagnostic is an error
 * @param diagnostics every finding of every file, sorted by file, line and column
 */
public record LoadResult(Optional<DesiredState> state, List<Diagnostic> diagnostics) {

    public LoadResult {
        Objects.requireNonNull(state, "state");
        diagnostics = diagnostics.stream().sorted().toList();
        boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
        if (errors == state.isPresent()) {
            throw new IllegalArgumentException(errors ? "a state despite errors" : "no state and no error");
        }
    }

    /** True when the desired state is valid (warnings allowed). */
    public boolean ok() {
        return state.isPresent();
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }
}
