package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.it.Cli;
import xenpt.sim.SimulatedHost;

/** inspect and drift show the last record of the host journal (/var/log/xenpt/journal.jsonl) that apply writes. */
class JournalReadIT {

    static final String SHA = "3f2a9c1d0b8e7f6a5d4c3b2a1f0e9d8c7b6a5f4e";

    @TempDir
    Path tmp;

    String out;
    String err;

    private int run(String... args) {
        Cli.Result r = Cli.run(tmp, tmp.resolve("sim"), args);
        out = r.out();
        err = r.err();
        return r.exit();
    }

    private void journal(String text) throws Exception {
        Path state = tmp.resolve("sim").resolve("wintermute");
        if (!Files.exists(state)) SimulatedHost.start("wintermute", state).close();
        Path file = state.resolve("root/var/log/xenpt/journal.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void inspectAndDriftShowTheLastAppliedCommitAndTime() throws Exception {
        journal("""
                {"time": "2026-11-24T10:00:00Z", "plan_id": "p1", "commit": "0000000000000000000000000000000000000000", "desired_digest": "d", "result": "applied", "changes": [], "error": null}
                {"time": "2026-11-25T00:47:00Z", "plan_id": "p2", "commit": "%s", "desired_digest": "d", "result": "applied", "changes": [{"kind": "hide", "target": "wintermute", "before": null, "after": "(0000:0e:00.0)"}], "error": null}
                {"time": "torn
                """.formatted(SHA));
        assertThat(run("inspect", "--address", "sim:wintermute")).as(err).isZero();
        assertThat(out).containsPattern("last applied: +3f2a9c1d0b8e at 2026-11-25T00:47:00Z \\(applied\\)\n");

        assertThat(run("inspect", "--address", "sim:wintermute", "-o", "json")).as(err).isZero();
        JSONObject last = new JSONObject(out).getJSONObject("last_applied");
        assertThat(last.getString("commit")).isEqualTo(SHA);
        assertThat(last.getString("plan_id")).isEqualTo("p2");

        Path desired = Path.of("examples", "wintermute.yaml").toAbsolutePath();
        assertThat(run("drift", "-f", desired.toString())).as(err).isEqualTo(2);
        assertThat(out).contains("wintermute (sim:wintermute)\n  last applied: 3f2a9c1d0b8e at 2026-11-25T00:47:00Z (applied)\n");
        Path report = tmp.resolve("drift.json");
        assertThat(run("drift", "-f", desired.toString(), "--report", report.toString(), "-o", "json")).isEqualTo(2);
        JSONObject host = new JSONObject(Files.readString(report)).getJSONArray("hosts").getJSONObject(0);
        assertThat(host.getJSONObject("last_applied").getString("commit")).isEqualTo(SHA);
        assertThat(host.getJSONObject("last_applied").getString("time")).isEqualTo("2026-11-25T00:47:00Z");
    }

    @Test
    void aHostWithoutJournalWasNeverAppliedByXenpt() throws Exception {
        assertThat(run("inspect", "--address", "sim:wintermute")).as(err).isZero();
        assertThat(out).containsPattern("last applied: +never applied by xenpt\n");
        assertThat(run("drift", "-f", Path.of("examples", "wintermute.yaml").toAbsolutePath().toString(),
                "-o", "json")).isEqualTo(2);
        assertThat(new JSONObject(out).getJSONArray("hosts").getJSONObject(0).isNull("last_applied")).isTrue();
        assertThat(new JSONObject(out).getJSONArray("hosts").getJSONObject(0).has("last_applied")).isTrue();

        journal("{\"time\": \"2026-11-25T00:47:00Z\", \"plan_id\": \"p\", \"commit\": null, \"result\": \"failed\"}\n");
        assertThat(run("inspect", "--address", "sim:wintermute")).as(err).isZero();
        assertThat(out).containsPattern("last applied: +\\(no commit\\) at 2026-11-25T00:47:00Z \\(failed\\)\n");
    }
}
