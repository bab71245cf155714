package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xenpt.engine.PlanFiles;
import xenpt.it.Cli;

/**
 * Hostile desired-state files (issue 11), each generated here byte for byte: {@code validate} and {@code plan} exit 1
 * without hanging, name the problem at its {@code file:line:col} (a file that cannot be opened as a regular file has
 * no line: its path is named), print no stack trace, no secret and no raw control character, and contact no host.
 */
class HostileDesiredStateTest {

    /** Where the error must be: {@code LINE:COL}, or {@code null} for the file as a whole. */
    record Case(String name, String at, String fragment, Input input) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Input {
        /** Creates the input under {@code dir} and returns the path to pass to {@code -f}. */
        Path create(Path dir) throws Exception;
    }

    private static final String SECRET = "hunter2Xyzzy";

    @TempDir
    Path temp;

    static Stream<Case> cases() {
        return Stream.of(
                new Case("merge key", "7:5", "merge keys ('<<') are not supported", text("""
                        version: 1
                        hosts:
                          a: &a
                            address: sim:wintermute
                            hide: [0e:00.0]
                          b:
                            <<: *a
                            address: sim:wintermute
                        """)),
                new Case("merge key in a flow mapping", "8:9", "merge keys ('<<') are not supported", text("""
                        version: 1
                        hosts:
                          a:
                            address: sim:wintermute
                            hide: [0e:00.0]
                            vms:
                              x:
                                <<: {pci: [0e:00.0]}
                                uuid: 22eb15fb-169c-ec9b-0ad4-231dc7210376
                        """)),
                new Case("deeply nested flow lists", "2:39", "nested more than 32 levels",
                        text("version: 1\nhosts: " + "[".repeat(5000) + "]".repeat(5000) + "\n")),
                new Case("deep structure under an unknown key", "35:33", "nested more than 32 levels",
                        text("version: 1\nhosts: {}\nextra:\n" + deepBlock(3000))),
                new Case("UTF-16 with a byte-order mark", "1:1", "UTF-16 or UTF-32",
                        bytes(concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                                "version: 1\nhosts: {}\n".getBytes(StandardCharsets.UTF_16LE)))),
                new Case("Latin-1 byte", "3:6", "invalid UTF-8: byte 0xE9",
                        bytes("version: 1\nhosts:\n  caf\u00e9:\n    address: sim:wintermute\n"
                                .getBytes(StandardCharsets.ISO_8859_1))),
                new Case("encoded surrogate", "3:4", "invalid UTF-8: byte 0xED",
                        bytes(raw("version: 1\nhosts:\n  x", 0xED, 0xA0, 0x80, ":\n    address: sim:wintermute\n"))),
                new Case("overlong UTF-8", "3:4", "invalid UTF-8: byte 0xC0",
                        bytes(raw("version: 1\nhosts:\n  x", 0xC0, 0xAF, ":\n    address: sim:wintermute\n"))),
                new Case("NUL byte", "3:4", "control character U+0000",
                        bytes(raw("version: 1\nhosts:\n  x", 0x00, "y:\n    address: sim:wintermute\n"))),
                new Case("raw BEL and ESC in a key", "3:4", "control character U+0007",
                        bytes(raw("version: 1\nhosts:\n  x", 0x07, "y", 0x1B, "[2J:\n    address: sim:wintermute\n"))),
                new Case("C1 control (CSI) in a value", "4:18", "control character U+009B",
                        text("version: 1\nhosts:\n  h:\n    address: sim:\u009b2Jwintermute\n")),
                new Case("%YAML 2.0 directive", "1:1", "unsupported YAML version 2.0",
                        text("%YAML 2.0\n---\nversion: 1\nhosts: {}\n")),
                new Case("ANSI escapes written as YAML escapes in a key", "4:5", "unknown key 'adress'",
                        text("version: 1\nhosts:\n  \"x\\e[31mred\\a\\e]0;pwned\\a\":\n    adress: sim:wintermute\n")),
                new Case("password in the file", "6:7", "ssh.passwordEnv", text("""
                        version: 1
                        hosts:
                          wintermute:
                            address: sim:wintermute
                            ssh:
                              password: %s
                        """.formatted(SECRET))),
                new Case("misspelled password key", "6:7", "never write a password", text("""
                        version: 1
                        hosts:
                          wintermute:
                            address: sim:wintermute
                            ssh:
                              pasword: %s
                        """.formatted(SECRET))),
                new Case("password in a flow mapping", "3:38", "ssh.passwordEnv",
                        text("version: 1\nhosts:\n  w: {address: sim:wintermute, ssh: {password: \"" + SECRET
                                + "\", port: 22}}\n")),
                new Case("password where the variable name belongs", "6:20", "ssh.passwordEnv", text("""
                        version: 1
                        hosts:
                          wintermute:
                            address: sim:wintermute
                            ssh:
                              passwordEnv: %s!
                        """.formatted(SECRET))),
                new Case("private key as a block scalar", "6:7", "ssh.passwordEnv", text("""
                        version: 1
                        hosts:
                          wintermute:
                            address: sim:wintermute
                            ssh:
                              privateKey: |
                                -----BEGIN OPENSSH PRIVATE KEY-----
                                %s
                                -----END OPENSSH PRIVATE KEY-----
                        """.formatted(SECRET))),
                new Case("9 MB value on one line", "4:1", "longer than 65536 characters",
                        text("version: 1\nhosts:\n  w:\n    address: " + "a".repeat(9_000_000) + "\n")),
                new Case("9 MB value over many lines", "4:14", "the limit is 65536",
                        text("version: 1\nhosts:\n  w:\n    address: \"" + ("b".repeat(60_000) + "\n      ").repeat(150)
                                + "\"\n")),
                new Case("FIFO", null, "not a regular file: a FIFO", dir -> fifo(dir.resolve("fifo.yaml"))),
                new Case("/dev/zero", null, "not a regular file: a character device", dir -> Path.of("/dev/zero")),
                new Case("link to /dev/zero", null, "a symbolic link to a character device",
                        dir -> Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"))),
                new Case("dangling link in a directory", null, "a dangling symbolic link", dir -> {
                    Files.writeString(dir.resolve("a.yaml"), "version: 1\nhosts:\n  a: {address: sim:wintermute}\n");
                    Files.createSymbolicLink(dir.resolve("b.yaml"), dir.resolve("nowhere.yaml"));
                    return dir;
                }),
                new Case("link loop in a directory", null, "a symbolic link loop", dir -> {
                    Files.writeString(dir.resolve("a.yaml"), "version: 1\nhosts:\n  a: {address: sim:wintermute}\n");
                    Files.createSymbolicLink(dir.resolve("l1.yaml"), dir.resolve("l2.yaml"));
                    Files.createSymbolicLink(dir.resolve("l2.yaml"), dir.resolve("l1.yaml"));
                    return dir;
                }),
                new Case("FIFO in a directory", null, "not a regular file: a FIFO", dir -> {
                    Files.writeString(dir.resolve("a.yaml"), "version: 1\nhosts:\n  a: {address: sim:wintermute}\n");
                    fifo(dir.resolve("b.yaml"));
                    return dir;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validateAndPlanRefuseAtAPositionWithoutLeakingOrHanging(Case c) throws Exception {
        Path input = c.input().create(Files.createDirectories(temp.resolve("in")));
        Path sim = Files.createDirectories(temp.resolve("sim"));
        for (String command : new String[] {"validate", "plan"}) {
            Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> Cli.run(sim, command, "-f", input.toString()));
            String all = r.out() + r.err();
            assertThat(r.exit()).as("%s: %s", command, r).isEqualTo(ExitCode.ERROR);
            assertThat(all).as(command).contains(c.fragment());
            if (c.at() != null) {
                assertThat(all).as(command).containsPattern(Pattern.quote(input + ":" + c.at() + ": error: "));
            } else {
                assertThat(all).as(command).containsPattern(Pattern.quote(input.toString()) + "[^:\\s]*: error: ");
            }
            assertThat(all).as(command).doesNotContain("Exception").doesNotContain("at xenpt.")
                    .doesNotContain(SECRET);
            assertThat(all.chars().filter(HostileDesiredStateTest::rawControl).toArray())
                    .as("raw control characters in the output of %s", command).isEmpty();
            try (Stream<Path> contacted = Files.list(sim)) {
                assertThat(contacted).as("files of a contacted host").isEmpty();
            }
        }
    }

    @Test
    void showAndApplyRefuseAFifoOrADeviceAsPlanFileAtOnce() throws Exception {
        Path fifo = fifo(temp.resolve("plan.json"));
        Path desired = Files.writeString(temp.resolve("desired.yaml"),
                "version: 1\nhosts:\n  wintermute: {address: sim:wintermute}\n");
        for (String[] args : new String[][] {{"show", fifo.toString()}, {"show", "/dev/zero"},
                {"apply", "-f", desired.toString(), fifo.toString()}, {"apply", "-f", desired.toString(), "/dev/zero"}}) {
            Path planFile = Path.of(args[args.length - 1]);
            Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.run(temp, args));
            assertThat(r.exit()).as("%s", r).isEqualTo(ExitCode.ERROR);
            assertThat(r.err()).contains(planFile + ": cannot read the plan: not a regular file")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void aSavedPlanOrReportNeverReplacesAFifoOrDevice() throws Exception {
        Path fifo = fifo(temp.resolve("out.json"));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> PlanFiles.save(fifo, "{}")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a regular file (a FIFO)");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> PlanFiles.save(Path.of("/dev/null"), "{}")))
                .hasMessageContaining("a character device");
    }

    /** C0 and C1 controls and DEL, except the newline that ends each output line. */
    static boolean rawControl(int c) {
        return c != '\n' && (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0));
    }

    private static String deepBlock(int levels) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < levels; i++) s.append(" ".repeat(i + 1)).append('k').append(i).append(":\n");
        return s.toString();
    }

    private static Input text(String content) {
        return bytes(content.getBytes(StandardCharsets.UTF_8));
    }

    private static Input bytes(byte[] content) {
        return dir -> Files.write(dir.resolve("hostile.yaml"), content);
    }

    /** Strings as UTF-8 and integers as single raw bytes, in order. */
    private static byte[] raw(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof Integer b) out.write(b);
            else out.writeBytes(((String) p).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static Path fifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is available");
        return p;
    }
}
