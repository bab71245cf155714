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
