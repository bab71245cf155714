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
