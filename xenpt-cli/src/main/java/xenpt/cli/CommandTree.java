package xenpt.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * xenpt's commands, and the picocli tree that runs a command line. picocli builds a command's model by reflection
 * over its annotations, and building all twelve cost about 0.1 s of every start-up (bench/startup.sh); so a command
 * line that names its command gets a tree with that command alone. The whole tree is built where all commands matter:
 * no command named (usage, did-you-mean), {@code completion}, and one-dash words, whose Terraform reading
 * ({@link TerraformSpellings}) knows every command's options.
 */
final class CommandTree {

    /** In the order help lists them. */
    static final List<Class<?>> COMMANDS = List.of(ValidateCommand.class, InspectCommand.class, DoctorCommand.class,
            PlanCommand.class, ApplyCommand.class, DriftCommand.class, ShowCommand.class, ReviewCommand.class,
            ImportCommand.class, SimCommand.class, ForceUnlockCommand.class, CompletionCommand.class);

    private CommandTree() {}

    /** Every command. */
    static CommandLine whole(Main main) {
        CommandLine root = new CommandLine(main);
        COMMANDS.forEach(root::addSubcommand);
        return root;
    }

    /** The tree for running {@code args}: the one command they name, or {@link #whole}. */
    static CommandLine forArgs(Main main, String... args) {
        Optional<Class<?>> named = named(args);
        if (named.isEmpty() || named.get() == CompletionCommand.class || oneDashWord(args)) return whole(main);
        CommandLine root = new CommandLine(main);
        root.addSubcommand(named.get());
        return root;
    }

    /** The command of the first argument that is a command's name; the options before it take no such value. */
    static Optional<Class<?>> named(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) break;
            for (Class<?> c : COMMANDS) {
                Command command = c.getAnnotation(Command.class);
                if (command.name().equals(arg) || Arrays.asList(command.aliases()).contains(arg)) return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean oneDashWord(String... args) {
        return Arrays.stream(args).anyMatch(a -> a.length() > 2 && a.startsWith("-") && !a.startsWith("--"));
    }
}
