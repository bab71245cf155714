package xenpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
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

    // ---------------------------------------------------------------------------------------------------------------
    // Layers (issue 12): render is the only view package, commands are thin over the engine, no upward imports and
    // no cycles between packages. The package graph is computed from the sources (imports and qualified names).
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class Layers {

        /** Bottom to top: a package may use only packages of lower layers. */
        static final List<List<String>> LAYERS = List.of(
                List.of("xenpt.diag", "xenpt.transport", "xenpt.sim", "xenpt.build"),
                List.of("xenpt.json", "xenpt.transport.ssh", "xenpt.desired.yaml"),
                List.of("xenpt.desired"),
                List.of("xenpt.format", "xenpt.format.hide", "xenpt.format.otherconfig", "xenpt.format.journal", "xenpt.format.lock"),
                List.of("xenpt.desired.git", "xenpt.observed"),
                List.of("xenpt.plan"),
                List.of("xenpt.apply"),
                List.of("xenpt.render"),
                List.of("xenpt.planfile"),
                List.of("xenpt.engine"),
                List.of("xenpt.cli"));

        /**
         * Edges that break the layering today and that pending work removes; each must still exist, so that no
         * exception outlives its reason. None today.
         */
        static final Set<String> PENDING = Set.of();

        /** What cli may use of render: the one place that picks a view, and the format enum of {@code -o}. */
        static final Set<String> CLI_SEES_OF_RENDER = Set.of("xenpt.render.Views", "xenpt.render.Format");

        /** Names that say "a view"; such a class outside render is a view in the wrong home. */
        static final Pattern VIEW_NAME = Pattern.compile("Report[A-Z]\\w*|\\w*(View|Views|Markdown|Text)");

        @Test
        void everyPackageHasALayer() {
            Set<String> layered = new TreeSet<>();
            LAYERS.forEach(layered::addAll);
            Set<String> missing = new TreeSet<>(packageGraph(MAIN).keySet());
            missing.removeAll(layered);
            assertThat(missing).as("packages missing from ArchitectureTest.Layers.LAYERS (add each where it belongs)")
                    .isEmpty();
        }

        @Test
        void noPackageImportsUpward() {
            List<String> violations = new ArrayList<>();
            packageGraph(MAIN).forEach((from, deps) -> deps.forEach((to, where) -> {
                if (layer(to) >= layer(from) && !PENDING.contains(from + " -> " + to)) {
                    violations.add(where + ": " + from + " uses " + to + " (not in a lower layer)");
                }
            }));
            assertThat(violations).as("upward or sideways imports").isEmpty();
        }

        @Test
        void packagesFormNoCycle() {
            Map<String, Set<String>> edges = new TreeMap<>();
            packageGraph(MAIN).forEach((from, deps) -> edges.put(from, new TreeSet<>(deps.keySet())));
            PENDING.forEach(e -> edges.getOrDefault(e.split(" -> ")[0], new TreeSet<>()).remove(e.split(" -> ")[1]));
            assertThat(cycle(edges)).as("a cycle between packages").isEmpty();
        }

        @Test
        void pendingExceptionsStillExist() {
            Map<String, Map<String, String>> graph = packageGraph(MAIN);
            for (String e : PENDING) {
                String[] ends = e.split(" -> ");
                assertThat(graph.getOrDefault(ends[0], Map.of())).as("pending edge " + e + " is gone: remove it from PENDING")
                        .containsKey(ends[1]);
            }
        }

        @Test
        void nothingButCliUsesCli() {
            List<String> violations = new ArrayList<>();
            packageGraph(MAIN).forEach((from, deps) -> {
                if (!from.equals("xenpt.cli") && deps.containsKey("xenpt.cli")) violations.add(deps.get("xenpt.cli"));
            });
            assertThat(violations).as("engine, render and the rest must not know the command line").isEmpty();
        }

        @Test
        void renderIsTheOnlyViewPackage() {
            Path render = MAIN.resolve("xenpt/render");
            List<String> violations = new ArrayList<>();
            for (Path file : sources(MAIN)) {
                String name = file.getFileName().toString().replace(".java", "");
                if (!file.startsWith(render) && VIEW_NAME.matcher(name).matches()) {
                    violations.add(file + ": a view outside xenpt.render");
                }
            }
            for (Path file : sources(MAIN.resolve("xenpt/cli"))) {
                for (String used : references(read(file), "xenpt.render")) {
                    if (!CLI_SEES_OF_RENDER.contains(used)) violations.add(file + ": uses " + used + ", not render.Views");
                }
            }
            assertThat(violations).as("views outside render, or commands picking a view themselves").isEmpty();
        }

        @Test
        void checkersSeeImportsQualifiedNamesAndCycles() {
            String source = """
                    package xenpt.cli;
                    import xenpt.render.PlanText;
                    import static xenpt.diag.ControlChars.escape;
                    // xenpt.apply.Executor in a comment is fine
                    class X { String s = "xenpt.sim.SimulatedHost"; Object o = xenpt.engine.Fleet.class; }
                    """;
            assertThat(references(source, "xenpt")).containsExactly("xenpt.render.PlanText",
                    "xenpt.diag.ControlChars", "xenpt.engine.Fleet");
            Map<String, Set<String>> g = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a")));
            assertThat(cycle(g)).containsExactly("a", "b", "c", "a");
            g.put("c", Set.of());
            assertThat(cycle(g)).isEmpty();
            assertThat(VIEW_NAME.matcher("InspectView").matches()).isTrue();
            assertThat(VIEW_NAME.matcher("ReportJson").matches()).isTrue();
            assertThat(VIEW_NAME.matcher("Reporter").matches()).isFalse();
        }

        private static int layer(String pkg) {
            for (int i = 0; i < LAYERS.size(); i++) {
                if (LAYERS.get(i).contains(pkg)) return i;
            }
            return Integer.MAX_VALUE; // reported by everyPackageHasALayer
        }
    }

    private static final Pattern QUALIFIED = Pattern.compile("\\b(xenpt(?:\\.[a-z]\\w*)+)\\.([A-Z]\\w*)");

    /** Package → used package → the first {@code file:line} that uses it (self-references left out). */
    static Map<String, Map<String, String>> packageGraph(Path root) {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        for (Path file : sources(root)) {
            String source = read(file);
            String from = packageOf(source);
            if (from.isEmpty()) continue;
            Map<String, String> deps = graph.computeIfAbsent(from, k -> new TreeMap<>());
            String[] lines = code(source).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = QUALIFIED.matcher(lines[i]);
                while (m.find()) {
                    if (!m.group(1).equals(from)) deps.putIfAbsent(m.group(1), file + ":" + (i + 1));
                }
            }
        }
        return graph;
    }

    /** The classes of {@code prefix}'s packages that {@code source} names (imports or qualified), in order. */
    static List<String> references(String source, String prefix) {
        List<String> out = new ArrayList<>();
        Matcher m = QUALIFIED.matcher(code(source));
        while (m.find()) {
            String name = m.group(1) + "." + m.group(2);
            if ((m.group(1) + ".").startsWith(prefix + ".") && !m.group(1).equals(packageOf(source)) && !out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");

    private static String packageOf(String source) {
        Matcher p = PACKAGE.matcher(source);
        return p.find() ? p.group(1) : "";
    }

    /** The source without comments and string contents, line structure kept. */
    static String code(String source) {
        String noBlocks = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL).matcher(source)
                .replaceAll(r -> Matcher.quoteReplacement(r.group().replaceAll("[^\n]", " ")));
        return noBlocks.replaceAll("'(\\\\.|[^'\\\\\n])'", "' '").replaceAll("\"\"\"(?s:.*?)\"\"\"", "\"\"").replaceAll("\"([^\"\\\\\n]|\\\\.)*\"", "\"\"")
                .replaceAll("//[^\n]*", "");
    }

    /** One cycle as a path that ends where it starts ({@code a, b, c, a}), or empty when the graph has none. */
    static List<String> cycle(Map<String, Set<String>> edges) {
        Map<String, Integer> state = new LinkedHashMap<>(); // 1: on the current path, 2: done
        List<String> path = new ArrayList<>();
        for (String start : edges.keySet()) {
            List<String> found = visit(start, edges, state, path);
            if (!found.isEmpty()) return found;
        }
        return List.of();
    }

    private static List<String> visit(String node, Map<String, Set<String>> edges, Map<String, Integer> state,
            List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) return List.of();
        if (s != null && s == 1) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            loop.add(node);
            return loop;
        }
        state.put(node, 1);
        path.add(node);
        for (String next : edges.getOrDefault(node, Set.of())) {
            List<String> found = visit(next, edges, state, path);
            if (!found.isEmpty()) return found;
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return List.of();
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
    /** {@code text} in a literal belongs to {@code home}; with {@code atStart}, only a literal that begins with it. */
    record FormatText(String text, String home, boolean atStart) {
        FormatText(String text, String home) {
            this(text, home, false);
        }

        List<String> in(Path file, String source) {
            return atStart ? literalsStartingWith(file, source, text) : literalsContaining(file, source, text);
        }
    }

    static final List<FormatText> FORMAT_TEXTS = List.of(
            new FormatText("/var/log/xenpt", "xenpt/format/journal"),
            new FormatText("journal.jsonl", "xenpt/format/journal"),
            new FormatText("/var/lock/xenpt.lock", "xenpt/format/lock"),
            new FormatText("/owner", "xenpt/format/lock"),
            new FormatText("xen-pciback.hide", "xenpt/format/hide"),
            // other-config:pci's "0/<address>" entries (OtherConfigPci); a path with a "0/" inside is not that form
            new FormatText("0/", "xenpt/format/otherconfig", true));

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
                violations.addAll(f.in(file, read(file)));
            }
        }
        for (FormatText f : FORMAT_TEXTS) {
            assertThat(sources(MAIN.resolve(f.home())))
                    .filteredOn(p -> !f.in(p, read(p)).isEmpty()).as("the home of '" + f.text() + "' defines it").isNotEmpty();
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

    @Test
    void otherConfigPciRuleSeesTheEntryFormButNotAPathThroughDomainZero() {
        String source = """
                class X {
                    String root = "/local/domain/0/backend/pci";
                    String entry = "0/" + address;
                }
                """;
        FormatText pci = FORMAT_TEXTS.stream().filter(f -> f.home().endsWith("otherconfig")).findFirst().orElseThrow();
        assertThat(pci.in(Path.of("X.java"), source)).containsExactly("X.java:3: \"0/\"");
    }

    /** Like {@link #literalsContaining}, for literals whose text begins with {@code text}. */
    static List<String> literalsStartingWith(Path file, String source, String text) {
        return literalsContaining(file, source, text).stream()
                .filter(v -> v.substring(v.indexOf(": \"") + 3).startsWith(text)).toList();
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

    static List<Path> sources(Path root) {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
