package xenpt.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Terraform's habit of one dash before a long option ({@code -out=FILE}, {@code -target=H}, {@code -detailed-exitcode},
 * {@code -auto-approve}, {@code -lock-timeout=D}): picocli would read {@code -out=x} as {@code -o ut=x}. Before picocli
 * parses, a single-dash word that names one of xenpt's long options becomes that option; one that names none and is
 * not a cluster of short options ({@code -vq}) is refused with the command whose help lists the options.
 */
final class TerraformSpellings {

    /** {@code -name} or {@code -name=value}, a name of two characters or more. */
    private static final Pattern SINGLE_DASH = Pattern.compile("-([A-Za-z][A-Za-z0-9-]+)(=.*)?", Pattern.DOTALL);

    private TerraformSpellings() {}

    /** The arguments to parse, or why they are refused. */
    sealed interface Result {
        record Args(String[] args) implements Result {}

        record Refused(String message) implements Result {}
    }

    static Result rewrite(CommandLine root, String... args) {
        Set<String> longNames = new TreeSet<>();
        Map<Character, Boolean> shortNames = new TreeMap<>();
        collect(root, longNames, shortNames);
        List<String> out = new ArrayList<>(args.length);
        boolean options = true;
        for (String arg : args) {
            Matcher m = SINGLE_DASH.matcher(arg);
            if (arg.equals("--")) options = false;
            if (!options || !m.matches()) {
                out.add(arg);
            } else if (longNames.contains("--" + m.group(1))) {
                out.add("-" + arg);
            } else if (shortCluster(arg.substring(1), shortNames)) {
                out.add(arg); // -vq, -ojson: short options together, the last one's value attached
            } else {
                return new Result.Refused("xenpt: unknown option '" + arg + "' (xenpt's long options start with two"
                        + " dashes, e.g. --out=FILE); the options are listed by: " + helpCommand(root, args));
            }
        }
        return new Result.Args(out.toArray(String[]::new));
    }

    /** {@code xenpt [COMMAND [SUBCOMMAND]] --help} for the command the arguments name. */
    static String helpCommand(CommandLine root, String... args) {
        CommandLine at = root;
        for (String arg : args) {
            CommandLine sub = at.getSubcommands().get(arg);
            if (sub != null) at = sub;
        }
        return at.getCommandSpec().qualifiedName() + " --help";
    }

    /**
     * Whether picocli reads {@code word} as short options: flags, then perhaps one that takes the rest as its value
     * ({@code -ojson}, {@code -vo=json}); not {@code -foo=1}, which a person means as one option, not {@code -f oo=1}.
     */
    private static boolean shortCluster(String word, Map<Character, Boolean> shortNames) {
        for (int i = 0; i < word.length(); i++) {
            Boolean takesValue = shortNames.get(word.charAt(i));
            if (takesValue == null) return false;
            if (takesValue) {
                String value = word.substring(i + 1);
                return value.startsWith("=") || !value.contains("=");
            }
        }
        return true;
    }

    /** Long option names, and short ones with whether they take a value, of every command. */
    private static void collect(CommandLine cl, Set<String> longNames, Map<Character, Boolean> shortNames) {
        for (OptionSpec o : cl.getCommandSpec().options()) {
            for (String name : o.names()) {
                if (name.startsWith("--")) longNames.add(name);
                else if (name.length() == 2) shortNames.put(name.charAt(1), o.arity().max() > 0);
            }
        }
        cl.getSubcommands().values().forEach(sub -> collect(sub, longNames, shortNames));
    }
}
