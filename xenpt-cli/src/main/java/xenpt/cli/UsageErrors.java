package xenpt.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import xenpt.desired.DidYouMean;

/** Bad usage: one line saying what is wrong, then the closest command or option, or where the usage is; exit 1. */
final class UsageErrors {

    private UsageErrors() {}

    /** Exit 1, not picocli's 2: SPEC §2 keeps 2 for "changes present". */
    static CommandLine.IParameterExceptionHandler handler(PrintWriter err) {
        return (ex, a) -> {
            err.println("xenpt: " + elsewhere(ex).orElse(ex.getMessage()));
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
     * For an option that other commands take ({@code validate --parallelism 4}): which ones, rather than picocli's
     * "Unknown options: '--parallelism', '4'".
     */
    static Optional<String> elsewhere(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) return Optional.empty();
        String option = u.getUnmatched().get(0).replaceFirst("=.*", "");
        if (!option.startsWith("-")) return Optional.empty();
        CommandLine root = ex.getCommandLine();
        while (root.getParent() != null) root = root.getParent();
        // the tree that ran may hold the named command alone (CommandTree)
        if (root.getCommand() instanceof Main main) root = CommandTree.whole(main);
        List<String> takers = root.getSubcommands().values().stream()
                .filter(c -> c.getCommandSpec().findOption(option) != null).map(CommandLine::getCommandName).toList();
        if (takers.isEmpty()) return Optional.empty();
        String command = ex.getCommandLine().getCommandSpec().qualifiedName(" ").replaceFirst("^xenpt ", "");
        return Optional.of(command + " takes no " + option
                + "; it is an option of: " + String.join(", ", takers));
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
