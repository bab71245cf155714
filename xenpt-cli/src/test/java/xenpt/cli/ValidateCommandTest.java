package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xenpt validate} run in-process through {@link Main#run}. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return JsonContract.run(new PrintWriter(out), new PrintWriter(err), Map.of(), args);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void validFileExitsZeroWithASummaryOnStdout() {
        int code = run("validate", "-f", "examples/wintermute.yaml");
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("Valid: 1 host, 2 hidden devices, 1 VM assignment.\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validDirectoryCountsEveryFile() {
        assertThat(run("validate", "--file", "examples/fleet")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("Valid: 5 hosts, 10 hidden devices, 9 VM assignments.\n");
    }

    @Test
    void withoutFileOptionTheRepositoryDesiredStateDirectoryIsRead() {
        assertThat(run("validate")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("Valid: 1 host,");
    }

    @Test
    void invalidFileExitsOneWithCompilerStyleDiagnosticsOnStderr() throws IOException {
        Path bad = write("bad.yaml", "version: 1\nhosts:\n  wintermute:\n    adress: sim:wintermute\n");
        int code = run("validate", "-f", bad.toString());
        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .contains(bad + ":3:3: error: missing key 'address' in hosts.wintermute\n")
                .contains(bad + ":4:5: error: unknown key 'adress' in hosts.wintermute\n"
                        + "  |\n"
                        + "4 |     adress: sim:wintermute\n"
                        + "  |     ^\n"
                        + "  = did you mean 'address'?")
                .endsWith("xenpt: the desired state is invalid: 2 errors, 0 warnings\n");
    }

    @Test
    void errorsOfAllFilesOfADirectoryAreReportedInOneRun() throws IOException {
        write("a.yaml", "version: 1\nhosts:\n  a: {address: sim:wintermute, hide: [01:20.0]}\n");
        write("b.yaml", "version: 2\nhosts: {}\n");
        assertThat(run("validate", "-f", dir.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains(dir.resolve("a.yaml") + ":3:39: error: '01:20.0': device 20 is out of range")
                .contains(dir.resolve("b.yaml") + ":1:10: error: unsupported version 2");
    }

    @Test
    void jsonOutputOfAValidStateGoesToStdout() {
        assertThat(run("-o", "json", "validate", "-f", "examples/gpu-host.yaml")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("{\n  \"format_version\": \"1\",\n  \"xenpt_version\": \""
                + xenpt.build.XenptVersion.current().recorded() + "\",\n  \"valid\": true,");
        JSONObject json = new JSONObject(out.toString());
        assertThat(json.getBoolean("valid")).isTrue();
        assertThat(json.getInt("error_count")).isZero();
        assertThat(json.getInt("warning_count")).isZero();
        assertThat(json.getJSONArray("diagnostics").length()).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void jsonOutputListsEveryDiagnosticWithItsPosition() throws IOException {
        Path bad = write("bad.yaml", "version: 1\nhosts:\n  h:\n    address: sim:wintermute\n    method: grubb\n");
        assertThat(run("validate", "-f", bad.toString(), "-o", "json")).isEqualTo(ExitCode.ERROR);
        JSONObject json = new JSONObject(out.toString());
        assertThat(json.getBoolean("valid")).isFalse();
        assertThat(json.getInt("error_count")).isEqualTo(1);
        JSONArray diagnostics = json.getJSONArray("diagnostics");
        assertThat(diagnostics.length()).isEqualTo(1);
        JSONObject d = diagnostics.getJSONObject(0);
        assertThat(d.getString("file")).isEqualTo(bad.toString());
        assertThat(d.getInt("line")).isEqualTo(5);
        assertThat(d.getInt("column")).isEqualTo(13);
        assertThat(d.getString("severity")).isEqualTo("error");
        assertThat(d.getString("message")).startsWith("invalid value 'grubb' for hosts.h.method");
        assertThat(d.getString("hint")).isEqualTo("did you mean 'grub'?");
    }

    @Test
    void aliasBombFailsWithExitOneAndSaysWhy() throws URISyntaxException {
        Path bomb = Path.of(Objects.requireNonNull(getClass().getResource("/desired/invalid/alias-bomb.yaml")).toURI());
        assertThat(run("validate", "-f", bomb.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains(bomb + ": error: too many aliases")
                .contains("billion laughs");
    }

    @Test
    void missingPathExitsOne() {
        assertThat(run("validate", "-f", dir.resolve("absent.yaml").toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("absent.yaml: error: no such file or directory");
    }
}
