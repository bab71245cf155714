package xenpt.cli;

import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import xenpt.desired.DidYouMean;

/** Bad usage: one line saying what is wrong, then the closest command or option, or where the usage is; exit 1. */
final class UsageErrors {

    private UsageErrors() {}

    /** Exit 1, not picocli's 2: SPEC §2 keeps 2 for "changes present". */
    static CommandLine.IParameterExceptionHandler handler(PrintWriter err) {
        return (ex, a) -> {
            err.println("xenpt: " + ex.getMessage());
            Optional<String> command = closestCommand(ex);
            command.ifPresent(c -> err.println("Did you mean: " + c + "?"));
            if (command.isEmpty() && !CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            err.flush();
            return ExitCode.ERROR;
        };
    }

    /**
     * For a mistyped command ({@code xenpt paln}), the command it is closest to by edit distance, swaps included
     * (picocli's own suggestion is by prefix and offers {@code validate} there).
     */
    static Optional<String> closestCommand(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) return Optional.empty();
        CommandLine at = ex.getCommandLine();
        if (at.getSubcommands().isEmpty() || u.getUnmatched().get(0).startsWith("-")) return Optional.empty();
        return DidYouMean.suggest(u.getUnmatched().get(0), at.getSubcommands().keySet())
                .map(name -> at.getCommandSpec().qualifiedName() + " " + name);
    }
}
