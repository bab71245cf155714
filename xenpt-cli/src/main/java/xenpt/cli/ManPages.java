package xenpt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import xenpt.build.XenptVersion;

/**
 * The man pages {@code xenpt(1)}, {@code xenpt-plan(1)}, … in troff, written from the picocli model that parses the
 * command line and prints {@code --help}, so the two cannot drift apart. scripts/release runs
 * {@code java -cp xenpt.jar xenpt.cli.ManPages DIR}. No date in the header: the same commit gives the same bytes.
 */
public final class ManPages {

    private ManPages() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp xenpt.jar xenpt.cli.ManPages OUTPUT-DIR");
            System.exit(ExitCode.ERROR);
        }
        write(Path.of(args[0]));
    }

    /** Writes every page into {@code dir}, creating it. */
    static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> page : pages().entrySet()) {
            Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** File name ({@code xenpt-plan.1}) to page, for the root command and every subcommand, depth first. */
    static Map<String, String> pages() {
        Main main = new Main(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of());
        Map<String, String> pages = new LinkedHashMap<>();
        collect(CommandTree.whole(main).getCommandSpec(), pages);
        return pages;
    }

    private static void collect(CommandSpec spec, Map<String, String> pages) {
        pages.put(pageName(spec) + ".1", page(spec));
        for (CommandLine sub : spec.subcommands().values()) {
            // aliases map to the same CommandLine; one page each
            if (!sub.getCommandName().equals(sub.getCommandSpec().name())) continue;
            collect(sub.getCommandSpec(), pages);
        }
    }

    /** {@code xenpt}, {@code xenpt-plan}, {@code xenpt-sim-serve}. */
    static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    static String page(CommandSpec spec) {
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        StringBuilder s = new StringBuilder();
        String name = pageName(spec);
        s.append(".TH \"").append(name.toUpperCase(java.util.Locale.ROOT)).append("\" 1 \"\" \"xenpt ")
                .append(escape(XenptVersion.current().version())).append("\" \"xenpt manual\"\n");
        s.append(".SH NAME\n").append(escape(name)).append(" \\- ")
                .append(escape(spec.usageMessage().description().length == 0 ? ""
                        : interpolated(help, 0)))
                .append('\n');
        s.append(".SH SYNOPSIS\n.nf\n").append(escape(help.synopsis(0).replaceFirst("^Usage: ", "").stripTrailing()))
                .append("\n.fi\n");
        s.append(".SH DESCRIPTION\n");
        for (String line : help.description().stripTrailing().split("\n")) s.append(escape(line.strip())).append("\n.br\n");
        appendArguments(spec, s);
        appendSubcommands(spec, s);
        appendExitStatus(spec, s);
        s.append(".SH SEE ALSO\n").append(seeAlso(spec)).append('\n');
        return s.toString();
    }

    private static String interpolated(Help help, int line) {
        return help.description().split("\n")[line].strip();
    }

    private static void appendArguments(CommandSpec spec, StringBuilder s) {
        List<PositionalParamSpec> params = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!params.isEmpty()) {
            s.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : params) item(s, "\\fI" + escape(p.paramLabel()) + "\\fR", p.description());
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            s.append(".SH OPTIONS\n");
            for (OptionSpec o : options) item(s, optionHead(o), o.description());
        }
    }

    private static String optionHead(OptionSpec o) {
        List<String> names = new ArrayList<>();
        for (String n : o.names()) names.add("\\fB" + escape(n) + "\\fR");
        String head = String.join(", ", names);
        return o.arity().max() > 0 ? head + "=\\fI" + escape(o.paramLabel()) + "\\fR" : head;
    }

    private static void item(StringBuilder s, String head, String[] description) {
        s.append(".TP\n").append(head).append('\n');
        for (String line : description) s.append(escape(line)).append('\n');
    }

    private static void appendSubcommands(CommandSpec spec, StringBuilder s) {
        if (spec.subcommands().isEmpty()) return;
        s.append(".SH COMMANDS\n");
        spec.subcommands().forEach((name, sub) -> {
            String[] d = sub.getCommandSpec().usageMessage().description();
            item(s, "\\fB" + escape(name) + "\\fR", d.length == 0 ? new String[0] : new String[] {d[0]});
            s.append("See \\fB").append(escape(pageName(sub.getCommandSpec()))).append("\\fR(1).\n");
        });
    }

    private static void appendExitStatus(CommandSpec spec, StringBuilder s) {
        Map<String, String> codes = spec.usageMessage().exitCodeList();
        if (codes.isEmpty()) return;
        s.append(".SH EXIT STATUS\n");
        codes.forEach((code, meaning) -> item(s, "\\fB" + escape(code.strip()) + "\\fR", new String[] {meaning}));
    }

    private static String seeAlso(CommandSpec spec) {
        List<String> refs = new ArrayList<>();
        if (spec.parent() != null) refs.add("\\fB" + escape(pageName(spec.parent())) + "\\fR(1)");
        spec.subcommands().values().forEach(c -> refs.add("\\fB" + escape(pageName(c.getCommandSpec())) + "\\fR(1)"));
        if (refs.isEmpty()) refs.add("\\fBxenpt\\fR(1)");
        return String.join(", ", refs.stream().distinct().toList());
    }

    /** Text safe in a troff line: backslashes and hyphens escaped, a leading control character neutralised. */
    static String escape(String text) {
        String t = text.replace("\\", "\\e").replace("-", "\\-");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }
}
