package xenpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Size limits of the product code (issue 12, STYLE.md): no class over {@value #MAX_CLASS} lines, no method over
 * {@value #MAX_METHOD}. The simulator ({@code xenpt.sim}) is not product code.
 *
 * <p>How it counts: a class is its whole source file (each file holds one top-level type), every line counted,
 * including the package line, imports and comments. A method (or constructor, compact constructor, initializer) is
 * the lines from the one holding its opening brace to the one holding its closing brace, inclusive; a declaration
 * header spread over several lines before the brace is not counted. The scan strips comments, string, text-block
 * and char literals, then counts braces: a brace opened directly inside a type body, whose header is not itself a
 * type declaration and holds no {@code =} (an array or anonymous-class field initializer), opens a method body.
 * Lambdas and local or anonymous classes inside a method count towards that method.
 */
class SizeLimitsTest {

    static final int MAX_CLASS = 200;
    static final int MAX_METHOD = 40;

    /**
     * Files allowed to break a limit for now (none today). An entry here that no longer breaks a limit fails the
     * test, so the list cannot go stale silently.
     */
    static final Set<String> KNOWN_EXCEPTIONS = Set.of();

    @Test
    void productClassesAndMethodsStayWithinTheLimits() {
        List<String> violations = new ArrayList<>();
        List<String> exceptionsUsed = new ArrayList<>();
        Path main = ArchitectureTest.MAIN;
        for (Path file : ArchitectureTest.sources(main)) {
            String rel = main.relativize(file).toString().replace('\\', '/');
            if (rel.startsWith("xenpt/sim/")) continue;
            List<String> found = check(rel, ArchitectureTest.read(file));
            if (KNOWN_EXCEPTIONS.contains(rel)) {
                if (!found.isEmpty()) exceptionsUsed.add(rel);
            } else {
                violations.addAll(found);
            }
        }
        assertThat(violations).as("classes over " + MAX_CLASS + " or methods over " + MAX_METHOD + " lines").isEmpty();
        assertThat(exceptionsUsed).as("known exceptions that still break a limit")
                .containsExactlyInAnyOrderElementsOf(KNOWN_EXCEPTIONS);
    }

    @Test
    void scanCountsMethodBodiesAndIgnoresBracesInLiteralsAndComments() {
        String source = """
                package x;
                /** { a brace in a comment */
                final class A {
                    static final int[] NUMS = {1, 2};
                    record R(int a) {
                        R {
                            if (a < 0) throw new IllegalArgumentException("{");
                        }
                    }
                    void m() {
                        Runnable r = () -> {
                            System.out.println('}');
                        };
                        String s = \"""
                            }}}
                            \""";
                    }
                }
                """;
        assertThat(methods(source)).containsExactly(new Method("R", 3), new Method("m", 8));
    }

    @Test
    void aLongMethodAndALongClassAreReported() {
        StringBuilder s = new StringBuilder("final class B {\n    void longOne() {\n");
        for (int i = 0; i < 45; i++) s.append("        call();\n");
        s.append("    }\n");
        for (int i = 0; i < 160; i++) s.append("\n");
        s.append("}\n");
        assertThat(check("B.java", s.toString()))
                .containsExactly("B.java: 209 lines", "B.java: method longOne has 47 lines");
    }

    record Method(String name, int lines) {}

    static List<String> check(String name, String source) {
        List<String> out = new ArrayList<>();
        long lines = source.lines().count();
        if (lines > MAX_CLASS) out.add(name + ": " + lines + " lines");
        for (Method m : methods(source)) {
            if (m.lines() > MAX_METHOD) out.add(name + ": method " + m.name() + " has " + m.lines() + " lines");
        }
        return out;
    }

    /** Each method body's name (the word before its parameter list, or before the brace) and line count. */
    static List<Method> methods(String source) {
        String code = strip(source);
        List<Method> out = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>(); // {kind, line of the brace}; kind 0 type, 1 method, 2 other
        Deque<String> names = new ArrayDeque<>();
        StringBuilder header = new StringBuilder();
        int line = 1;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\n') line++;
            if (c == '{') {
                String h = header.toString();
                boolean inType = !open.isEmpty() && open.peek()[0] == 0;
                int kind = isTypeHeader(h) ? 0 : inType && !h.contains("=") ? 1 : 2;
                open.push(new int[] {kind, line});
                names.push(kind == 1 ? nameOf(h) : "");
                header.setLength(0);
            } else if (c == '}') {
                int[] o = open.pop();
                String n = names.pop();
                if (o[0] == 1) out.add(new Method(n, line - o[1] + 1));
                header.setLength(0);
            } else if (c == ';') {
                header.setLength(0);
            } else {
                header.append(c);
            }
        }
        return out;
    }

    private static boolean isTypeHeader(String h) {
        String padded = " " + h.replaceAll("[\\s(<]", " ") + " ";
        return Stream.of("class", "interface", "enum", "record").anyMatch(k -> padded.contains(" " + k + " "))
                && !h.contains("new ");
    }

    private static String nameOf(String header) {
        String h = header.strip();
        int paren = h.indexOf('(');
        String before = (paren < 0 ? h : h.substring(0, paren)).strip();
        String[] words = before.split("\\s+");
        return words[words.length - 1];
    }

    /** The source with comments and literals blanked out, line breaks kept. */
    static String strip(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') i++;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = blank(s, i, end < 0 ? s.length() : end + 2, out);
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = blank(s, i, end < 0 ? s.length() : end + 3, out);
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                i = blank(s, i, literalEnd(s, i), out);
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int literalEnd(String s, int start) {
        char quote = s.charAt(start);
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != quote && s.charAt(i) != '\n') i += s.charAt(i) == '\\' ? 2 : 1;
        return Math.min(i + 1, s.length());
    }

    private static int blank(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) out.append(s.charAt(i) == '\n' ? '\n' : ' ');
        return to;
    }
}
