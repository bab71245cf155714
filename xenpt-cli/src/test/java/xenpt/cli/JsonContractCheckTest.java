package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check every command test runs through: it reads a command line as xenpt does and fails on a breach. */
class JsonContractCheckTest {

    @TempDir
    Path dir;

    @Test
    void readsTheCommandTheFormatAndTheFilesAsXenptsParserDoes() {
        var before = JsonContract.Invocation.parse("-o", "json", "plan", "-f", "x", "--out", "p.json").orElseThrow();
        assertThat(before.command()).isEqualTo("plan");
        assertThat(before.json()).isTrue();
        assertThat(before.files()).containsEntry(Path.of("p.json"), "plan");
        var after = JsonContract.Invocation.parse("drift", "--output=json", "-f", "x", "--report", "d.json").orElseThrow();
        assertThat(after.json()).isTrue();
        assertThat(after.files()).containsEntry(Path.of("d.json"), "drift-report");
        assertThat(JsonContract.Invocation.parse("plan", "-f", "x").orElseThrow().json()).isFalse();
        assertThat(JsonContract.Invocation.parse("inspect", "wintermute", "-o", "json").map(JsonContract.Invocation::command)).contains("inspect");
        assertThat(JsonContract.Invocation.parse("plan", "--no-such-option")).as("refused: prints no document").isEmpty();
        assertThat(JsonContract.Invocation.parse("plan", "--help")).isEmpty();
    }

    @Test
    void aDocumentThatBreaksItsSchemaOrACommandWithoutSchemaFails() throws Exception {
        var validate = JsonContract.Invocation.parse("-o", "json", "validate", "-f", "x").orElseThrow();
        assertThatThrownBy(() -> JsonContract.check(validate, "{\"valid\": true}\n", Map.of(), 0))
                .isInstanceOf(AssertionError.class).hasMessageContaining("breaks schemas/validate.schema.json")
                .hasMessageContaining("required key [format_version] not found");
        var apply = JsonContract.Invocation.parse("-o", "json", "apply", "-f", "x").orElseThrow();
        assertThatThrownBy(() -> JsonContract.check(apply, "", Map.of(), 1)).as("apply prints a document on every path")
                .hasMessageContaining("not JSON");
        var unknown = new JsonContract.Invocation(java.util.List.of("frobnicate"), "frobnicate", true, Map.of());
        assertThatThrownBy(() -> JsonContract.check(unknown, "{}", Map.of(), 0))
                .hasMessageContaining("JsonContract.STDOUT names no schema for 'frobnicate'");
        Path plan = Files.writeString(dir.resolve("p.json"), "{\"format_version\": \"1\"}");
        var out = JsonContract.Invocation.parse("plan", "-f", "x", "--out", plan.toString()).orElseThrow();
        assertThatThrownBy(() -> JsonContract.check(out, "text\n", Map.of(plan, Optional.empty()), 0))
                .hasMessageContaining("file " + plan).hasMessageContaining("breaks schemas/plan.schema.json");
        JsonContract.check(out, "text\n", Map.of(plan, Optional.of(Files.readString(plan))), 0); // not written by it
    }

    @Test
    void aRealRunIsCheckedAndItsOutputStillReachesTheCaller() {
        StringWriter out = new StringWriter();
        int code = JsonContract.run(new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of(),
                "-o", "json", "validate", "-f", "examples/wintermute.yaml");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"valid\": true");
    }
}
