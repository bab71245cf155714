package xenpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Package rules that the compiler cannot enforce (STYLE.md "Packages"): the planner does no I/O and knows no
 * transport, and sshj stays behind {@code xenpt.transport.ssh}. Checked on the source files' imports, plus fully
 * qualified names in code, so a rule cannot be dodged by not importing.
 */
class ArchitectureTest {

    static final Path MAIN = Path.of(System.getProperty("basedir", "."), "src", "main", "java");

    static final List<String> PLAN_FORBIDDEN = List.of("java.io.", "java.nio.file.", "java.net.", "xenpt.transport",
            "xenpt.sim", "net.schmizz", "com.hierynomus", "org.eclipse.jgit", "org.apache.sshd");
    static final List<String> PLAN_ALLOWED = List.of("java.io.Serial");
    static final List<String> SSHJ = List.of("net.schmizz", "com.hierynomus");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");

    @Test
    void planPackageDoesNoIoAndKnowsNoTransport() {
        List<String> violations = new ArrayList<>();
        for (Path file : sources(MAIN.resolve("xenpt/plan"))) {
            violations.addAll(violations(file, read(file), PLAN_FORBIDDEN, PLAN_ALLOWED));
        }
        assertThat(sources(MAIN.resolve("xenpt/plan"))).as("plan sources found").isNotEmpty();
        assertThat(violations).as("forbidden dependencies of xenpt.plan").isEmpty();
    }

    @Test
    void onlyTransportSshUsesSshj() {
        Path ssh = MAIN.resolve("xenpt/transport/ssh");
        List<String> violations = new ArrayList<>();
        for (Path file : sources(MAIN)) {
            if (file.startsWith(ssh)) continue;
            violations.addAll(violations(file, read(file), SSHJ, List.of()));
        }
        assertThat(violations).as("sshj outside xenpt.transport.ssh").isEmpty();
    }

    @Test
    void checkerCatchesImportsStaticImportsAndQualifiedNames() {
        String source = """
                package xenpt.plan;
                import java.io.Serial;
                import java.nio.file.Files;
                import static java.net.URI.create;
                // java.io.File in a comment is fine
                class X { Object f = new java.io.File("x"); }
                """;
        List<String> v = violations(Path.of("X.java"), source, PLAN_FORBIDDEN, PLAN_ALLOWED);
        assertThat(v).containsExactly("X.java:3: java.nio.file.Files", "X.java:4: java.net.URI.create",
                "X.java:6: java.io.");
    }

    // ---- One home per format and per library (issue 12, the formats/facades part) ----------------------------------
    // The simulator is exempt from the library rules: it becomes a module of its own that depends on no product code,
    // so it cannot use the product's facades, and it must not share the product's formats anyway.

    static final String SIM = "xenpt/sim";

    /** A library and the only packages (source paths under src/main/java) that may name it. */
    record Library(String name, List<String> prefixes, List<String> homes) {}

    static final List<Library> LIBRARIES = List.of(
            new Library("org.json", List.of("org.json."), List.of("xenpt/json", SIM)),
            new Library("snakeyaml-engine", List.of("org.snakeyaml."), List.of("xenpt/desired/yaml", SIM)),
            new Library("jgit", List.of("org.eclipse.jgit"), List.of("xenpt/desired/git")),
            new Library("sshj", SSHJ, List.of("xenpt/transport/ssh")),
            new Library("MINA SSHD", List.of("org.apache.sshd"), List.of(SIM)));

    /** A piece of a host-side format (a path, a key) and the one format package whose string literals may hold it. */
    record FormatText(String text, String home) {}

    static final List<FormatText> FORMAT_TEXTS = List.of(
            new FormatText("/var/log/xenpt", "xenpt/format/journal"),
            new FormatText("journal.jsonl", "xenpt/format/journal"),
            new FormatText("/var/lock/xenpt.lock", "xenpt/format/lock"),
            new FormatText("/owner", "xenpt/format/lock"),
            new FormatText("xen-pciback.hide", "xenpt/format/hide"),
            new FormatText("0/", "xenpt/format/otherconfig"));

    /** What a format package must not use: it is text in, values out, so observe, plan and apply can all use it. */
    static final List<String> FORMAT_FORBIDDEN = List.of("java.io.", "java.nio.file.", "java.net.", "xenpt.transport",
            "xenpt.observed", "xenpt.plan", "xenpt.apply", "xenpt.cli", "xenpt.render", "xenpt.sim");

    @Test
    void eachLibraryIsNamedOnlyInItsOwnPackage() {
        List<String> violations = new ArrayList<>();
        for (Library lib : LIBRARIES) {
            for (Path file : sources(MAIN)) {
                if (lib.homes().stream().anyMatch(h -> file.startsWith(MAIN.resolve(h)))) continue;
                violations.addAll(violations(file, read(file), lib.prefixes(), List.of()).stream()
                        .map(v -> lib.name() + " outside " + lib.homes() + ": " + v).toList());
            }
        }
        assertThat(violations).as("libraries outside their packages").isEmpty();
    }

    @Test
    void eachHostFormatsPathsAndKeysAreWrittenOnlyInItsFormatPackage() {
        List<String> violations = new ArrayList<>();
        for (Path file : sources(MAIN)) {
            if (file.startsWith(MAIN.resolve(SIM))) continue;
            for (FormatText f : FORMAT_TEXTS) {
                if (file.startsWith(MAIN.resolve(f.home()))) continue;
                violations.addAll(literalsContaining(file, read(file), f.text()));
            }
        }
        for (FormatText f : FORMAT_TEXTS) {
            assertThat(sources(MAIN.resolve(f.home())))
                    .filteredOn(p -> !literalsContaining(p, read(p), f.text()).isEmpty()).as("the home of '" + f.text() + "' defines it").isNotEmpty();
        }
        assertThat(violations).as("format paths and keys outside their format package").isEmpty();
    }

    @Test
    void formatPackagesArePureText() {
        List<String> violations = new ArrayList<>();
        for (Path file : sources(MAIN.resolve("xenpt/format"))) {
            violations.addAll(violations(file, read(file), FORMAT_FORBIDDEN, List.of()));
        }
        assertThat(sources(MAIN.resolve("xenpt/format"))).as("format sources found").isNotEmpty();
        assertThat(violations).as("format packages that do I/O or depend on a layer above them").isEmpty();
    }

    @Test
    void literalCheckerSeesStringsButNotCommentsOrNames() {
        String source = """
                package xenpt.apply;
                // "/var/log/xenpt" in a comment is fine
                class X {
                    String dir = JournalFile.DIR; /* not a literal */
                    String f = "cat /var/log/xenpt/x";
                }
                """;
        assertThat(literalsContaining(Path.of("X.java"), source, "/var/log/xenpt"))
                .containsExactly("X.java:5: \"cat /var/log/xenpt/x\"");
    }

    /** One entry per string literal outside comments that contains {@code text}: {@code file:line: "literal"}. */
    static List<String> literalsContaining(Path file, String source, String text) {
        List<String> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        boolean inComment = false;
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (inComment || trimmed.startsWith("/*")) {
                inComment = !trimmed.contains("*/");
                continue;
            }
            if (trimmed.startsWith("//") || trimmed.startsWith("*")) continue;
            Matcher m = LITERAL.matcher(lines[i]);
            while (m.find()) {
                if (m.group().contains(text)) out.add(file + ":" + (i + 1) + ": " + m.group());
            }
        }
        return out;
    }

    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"");
    // ---- end of the formats/facades block ---------------------------------------------------------------------------

    /** One entry per line that names a forbidden package: {@code file:line: name}. */
    static List<String> violations(Path file, String source, List<String> forbidden, List<String> allowed) {
        List<String> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        boolean inComment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (inComment || trimmed.startsWith("/*")) {
                inComment = !trimmed.contains("*/");
                continue;
            }
            if (trimmed.startsWith("//") || trimmed.startsWith("*")) continue;
            Matcher m = IMPORT.matcher(line);
            if (m.find()) {
                String name = m.group(1);
                if (matches(name, forbidden) && !allowed.contains(name)) out.add(file + ":" + (i + 1) + ": " + name);
                continue;
            }
            String code = line.replaceAll("\"([^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("//.*", "");
            for (String f : forbidden) {
                int at = code.indexOf(f);
                if (at >= 0 && (at == 0 || !Character.isJavaIdentifierPart(code.charAt(at - 1)))
                        && allowed.stream().noneMatch(a -> code.startsWith(a, at))) {
                    out.add(file + ":" + (i + 1) + ": " + f);
                }
            }
        }
        return out;
    }

    private static boolean matches(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(p -> name.startsWith(p) || (name + ".").startsWith(p));
    }

    private static List<Path> sources(Path root) {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
