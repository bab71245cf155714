package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator's {@code sh -c}: the constructs of xenpt's read scripts as a real sh runs them, nothing else. */
class ShellScriptTest {

    /** Every construct the simulator runs: sequence, $?, >&2, </dev/null, IFS= read -r, while read -r / case. */
    static final String SCRIPT = """
            IFS= read -r n
            ok a "b c" </dev/null
            echo "
            $n $?"
            bad x
            echo "
            $n $?"
            echo "
            $n" >&2
            while read -r k u
            do
            case $k in
            one) ok "u=$u" ;;
            two) bad "$u" </dev/null ;;
            *) echo "unknown $k" >&2; false ;;
            esac
            echo "$n $? $k"
            done
            echo "end $? [$k] [$u]"
            """;
    static final String STDIN = "  nonce with spaces \\ back\none  11 22\ntwo  x\nthree\nlast-without-newline u";

    @TempDir
    Path dir;

    /** Two stub programs: {@code ok} prints its arguments, {@code bad} prints them on stderr and exits 3. */
    static Outcome program(List<String> argv) {
        String args = String.join(" ", argv.subList(1, argv.size()));
        return argv.get(0).equals("ok") ? Outcome.ok("out " + args + "\n") : Outcome.of(3, "", "err " + args + "\n");
    }

    @Test
    void runsTheScriptAsARealShDoes() throws Exception {
        Outcome sim = ShellScript.run(SCRIPT, Stdin.of(STDIN), ShellScriptTest::program);
        assertThat(sim.out()).startsWith("out a b c\n\n  nonce with spaces \\ back 0\n\n  nonce with spaces \\ back 3\n");
        assertThat(sim.out()).contains("out u=11 22\n  nonce with spaces \\ back 0 one\n", " 3 two\n", " 1 three\n")
                .endsWith("end 0 [last-without-newline] [u]\n");
        assertThat(sim.err()).isEqualTo("err x\n\n  nonce with spaces \\ back\nerr x\nunknown three\n");
        assertThat(sim.exit()).isZero();

        Path sh = Path.of("/bin/sh");
        assumeTrue(Files.isExecutable(sh), "no /bin/sh to compare with");
        stub("ok", "echo \"out $*\"");
        stub("bad", "echo \"err $*\" >&2; exit 3");
        ProcessBuilder pb = new ProcessBuilder(sh.toString(), "-c", SCRIPT);
        pb.environment().put("PATH", dir + ":/usr/bin:/bin");
        Process p = pb.start();
        p.getOutputStream().write(STDIN.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(new Outcome(p.waitFor(), out, err, Outcome.Effect.NONE)).isEqualTo(sim);
    }

    /**
     * xenpt's observation script in two rounds on one channel: round 1's sections, a marker on both streams, then a
     * request loop that reads round 2's requests, which the client writes only once it has seen the marker.
     */
    static final String CONVERSATION = """
            IFS= read -r n
            ok a </dev/null
            echo "
            $n $?"
            echo "
            $n" >&2
            bad x </dev/null
            echo "
            $n $?"
            echo "
            $n" >&2
            echo "
            $n round2"
            echo "
            $n round2" >&2
            while read -r k u
            do
            case $k in
            one) ok "u=$u" </dev/null ;;
            two) bad "$u" </dev/null ;;
            *) echo "xenpt: unknown read $k" >&2; false ;;
            esac
            echo "
            $n $?"
            echo "
            $n" >&2
            done
            """;
    static final String MARKER = "\nN0nce round2\n";

    /** Output as it arrives, split where the marker was on both streams (what the client had when it replied). */
    record Conversation(String out1, String err1, String out, String err, int exit) {}

    @Test
    void runsTheTwoRoundScriptAsARealShDoesWithoutWaitingForTheEndOfStdin() throws Exception {
        Conversation sim = simConversation("N0nce\n", "one 11\ntwo x y\nthree\n");
        assertThat(sim.out1()).isEqualTo("out a\n\nN0nce 0\n\nN0nce 3\n" + MARKER);
        assertThat(sim.err1()).isEqualTo("\nN0nce\nerr x\n\nN0nce\n" + MARKER);
        assertThat(sim.out()).isEqualTo(sim.out1() + "out u=11\n\nN0nce 0\n\nN0nce 3\n\nN0nce 1\n");
        assertThat(sim.err()).isEqualTo(sim.err1() + "\nN0nce\nerr x y\n\nN0nce\nxenpt: unknown read three\n\nN0nce\n");
        assertThat(simConversation("N0nce\n", "").out()).as("no request: stdin closed at once")
                .isEqualTo(sim.out1());

        Path sh = Path.of("/bin/sh");
        assumeTrue(Files.isExecutable(sh), "no /bin/sh to compare with");
        stub("ok", "echo \"out $*\"");
        stub("bad", "echo \"err $*\" >&2; exit 3");
        assertThat(shConversation(sh, "N0nce\n", "one 11\ntwo x y\nthree\n")).isEqualTo(sim);
    }

    /** The simulator's run, its stdin a pipe: the second part is written once the marker came out on both streams. */
    private static Conversation simConversation(String first, String second) throws Exception {
        java.io.PipedOutputStream client = new java.io.PipedOutputStream();
        java.io.PipedInputStream in = new java.io.PipedInputStream(client);
        StringBuffer out = new StringBuffer();
        StringBuffer err = new StringBuffer();
        var running = java.util.concurrent.CompletableFuture.supplyAsync(() -> ShellScript.run(CONVERSATION,
                new Stdin(in, (o, e) -> {
                    out.append(o);
                    err.append(e);
                }), ShellScriptTest::program));
        client.write(first.getBytes(StandardCharsets.UTF_8));
        client.flush();
        awaitMarker(out, err);
        String out1 = out.toString();
        String err1 = err.toString();
        client.write(second.getBytes(StandardCharsets.UTF_8));
        client.close();
        Outcome o = running.get(10, java.util.concurrent.TimeUnit.SECONDS);
        return new Conversation(out1, err1, out + o.out(), err + o.err(), o.exit());
    }

    /** The same conversation with a real sh. */
    private Conversation shConversation(Path sh, String first, String second) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(sh.toString(), "-c", CONVERSATION);
        pb.environment().put("PATH", dir + ":/usr/bin:/bin");
        Process p = pb.start();
        StringBuffer out = new StringBuffer();
        StringBuffer err = new StringBuffer();
        Thread o = Thread.ofVirtual().start(() -> drain(p.getInputStream(), out));
        Thread e = Thread.ofVirtual().start(() -> drain(p.getErrorStream(), err));
        p.getOutputStream().write(first.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        awaitMarker(out, err);
        String out1 = out.toString();
        String err1 = err.toString();
        p.getOutputStream().write(second.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        int exit = p.waitFor();
        o.join();
        e.join();
        return new Conversation(out1, err1, out.toString(), err.toString(), exit);
    }

    private static void awaitMarker(StringBuffer out, StringBuffer err) throws InterruptedException {
        for (int i = 0; i < 500 && !(out.toString().endsWith(MARKER) && err.toString().endsWith(MARKER)); i++) {
            Thread.sleep(10);
        }
        Thread.sleep(50); // anything printed after the marker before the read blocked would show now
    }

    private static void drain(java.io.InputStream in, StringBuffer to) {
        try {
            byte[] b = new byte[4096];
            for (int n; (n = in.read(b)) > 0; ) to.append(new String(b, 0, n, StandardCharsets.UTF_8));
        } catch (IOException e) {
            to.append("[read failed: ").append(e).append(']');
        }
    }

    @Test
    void onADistantHostAReadThatWaitsForTheClientCostsARoundTrip() throws Exception {
        java.io.PipedOutputStream client = new java.io.PipedOutputStream();
        Stdin stdin = new Stdin(new java.io.PipedInputStream(client), (o, e) -> {}).withRoundTrip(150);
        long start = System.nanoTime();
        assertThat(stdin.flush("out", "")).isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000).as("waited for the client's answer").isGreaterThanOrEqualTo(150);
        client.write("line\n".getBytes(StandardCharsets.UTF_8));
        start = System.nanoTime();
        assertThat(stdin.flush("out", "")).isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000).as("the client's line is there already").isLessThan(150);
        assertThat(Stdin.of("x\n").flush("out", "")).as("stdin given whole: the output stays").isFalse();
    }

    private void stub(String name, String body) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok | ok", "ok && ok", "ok &", "x=$(ok)", "ok `ok`", "ok > /tmp/f", "ok < /etc/passwd",
        "ok $u", "if true; then ok; fi", "for a in b; do ok; done", "ok 'open", "f() { ok; }", "{ ok; }", "cat <<EOF",
        "read n", "echo ${n}", "; ok", "while ok; do done", "case x in a|b) ok ;; esac", "case x in [ab]) ok ;; esac"})
    void refusesEverythingElseAsShDoesASyntaxError(String script) {
        Outcome o = ShellScript.run(script, Stdin.of(""), ShellScriptTest::program);
        assertThat(o.exit()).as(script).isEqualTo(2);
        assertThat(o.err()).as(script).startsWith("sh: -c: ");
        assertThat(o.out()).as(script).isEmpty();
    }
}
