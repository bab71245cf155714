package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.it.Cli;

/**
 * {@code review} and {@code --ref} against a temporary git repository of two commits and the simulated host
 * wintermute (nothing hidden, no VM with pci at start).
 */
class ReviewIT {

    @TempDir
    Path tmp;

    Path repo;
    Path file;
    RevCommit first;
    RevCommit second;
    String out;
    String err;

    static final String V1 = """
            version: 1
            hosts:
              wintermute:
                address: sim:wintermute
                hide: [0e:00.0]
            """;

    static final String V2 = """
            version: 1
            hosts:
              wintermute:
                address: sim:wintermute
                hide:
                  - 0e:00.0
                  - {address: 01:03.0, id: "1002:515e"}
                vms:
                  Windows Server 2012 R2:
                    uuid: 22eb15fb-169c-ec9b-0ad4-231dc7210376
                    pci: [01:03.0]
            """;

    @BeforeEach
    void repository() throws Exception {
        repo = Files.createDirectories(tmp.resolve("repo"));
        file = repo.resolve("hosts.yaml");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(file, V1);
            first = commit(git, "wintermute: hide the second NIC");
            Files.writeString(file, V2);
            second = commit(git, "wintermute: give the ES1000 to Windows");
        }
        Files.writeString(file, "version: 1\nhosts:\n  wintermute:\n    address: sim:wintermute\n    hide: []\n");
    }

    private static RevCommit commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call();
    }

    private int run(String... args) {
        Cli.Result r = Cli.run(tmp, tmp.resolve("sim"), args);
        out = r.out();
        err = r.err();
        return r.exit();
    }

    @Test
    void offlineReviewShowsExactlyTheIntentChangeAndContactsNoHost() {
        assertThat(run("review", "-f", file.toString(), "--base", "HEAD~1", "--offline", "-o", "json")).as(err).isEqualTo(2);
        assertThat(out).as("key order, the same on every run").containsSubsequence("\"base\": {", "\"ref\":", "\"commit\":",
                "\"head\": {", "\"ref\":", "\"commit\":", "\"intent\": {", "\"changes\":", "\"summary\":");
        JSONObject json = new JSONObject(out);
        assertThat(json.getJSONObject("base").getString("commit")).isEqualTo(first.name());
        assertThat(json.getJSONObject("head").getString("commit")).isEqualTo(second.name());
        assertThat(json.isNull("plan")).isTrue();
        JSONArray changes = json.getJSONObject("intent").getJSONArray("changes");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < changes.length(); i++) {
            JSONObject c = changes.getJSONObject(i);
            lines.add(c.getString("host") + " " + c.getString("kind") + " " + c.getString("subject") + " -> " + c.get("after"));
        }
        assertThat(lines).containsExactly("wintermute hide 0000:01:03.0 -> hidden (id 1002:515e)",
                "wintermute assign vm 'Windows Server 2012 R2' -> 0000:01:03.0");
        assertThat(err).doesNotContain("observing");
        assertThat(tmp.resolve("sim")).doesNotExist();

        assertThat(run("review", "-f", file.toString(), "--base", "HEAD~1", "--offline")).isEqualTo(2);
        assertThat(out).contains("Intent of HEAD~1 (" + first.name().substring(0, 7) + ") → HEAD ("
                + second.name().substring(0, 7) + "): 2 changes on 1 host", "Offline: no host was contacted");
        assertThat(run("review", "-f", file.toString(), "--base", second.name(), "--offline")).isZero();
        assertThat(out).contains("no change to the desired state");
    }

    @Test
    void onlineReviewAddsThePlanOfHeadAgainstTheSimulatedHost() {
        assertThat(run("review", "-f", file.toString(), "--base", "HEAD~1", "-o", "markdown")).as(err).isEqualTo(2);
        assertThat(out).startsWith("### xenpt review\n\n**Intent of `HEAD~1 (" + first.name().substring(0, 7));
        assertThat(out).contains("**Plan: 3 changes on 1 host.**", "> [!WARNING]\n> After merge and apply, 1 host needs a reboot",
                "#### Plan of `HEAD` against the live hosts", "| + | hide | 0000:01:03.0 |",
                "`(0000:01:03.0)(0000:0e:00.0)`", "Windows Server 2012 R2", "at commit `" + second.name() + "`");
        assertThat(out.split("\\[!WARNING]", -1)).as("one banner").hasSize(2);
        assertThat(err).contains("observing wintermute");
    }

    @Test
    void refPlansTheOlderCommitWhileTheWorkingTreeHoldsAnother() {
        assertThat(run("plan", "-f", file.toString(), "--ref", "HEAD~1", "-o", "json")).as(err).isZero();
        JSONObject old = new JSONObject(out);
        assertThat(old.getString("commit")).isEqualTo(first.name());
        JSONArray changes = old.getJSONArray("hosts").getJSONObject(0).getJSONArray("changes");
        assertThat(changes.length()).isEqualTo(1);
        assertThat(changes.getJSONObject(0).getString("kind")).isEqualTo("hide");
        assertThat(changes.getJSONObject(0).getJSONArray("after_devices").toList()).containsExactly("0000:0e:00.0");

        assertThat(run("plan", "-f", file.toString())).as(err).isZero();
        assertThat(out).contains("No changes. 1 host matches the desired state.");

        assertThat(run("validate", "-f", file.toString(), "--ref", "main")).isZero();
        assertThat(out).contains("Valid: 1 host, 2 hidden devices, 1 VM assignment.");
        assertThat(run("plan", "-f", file.toString(), "--ref", "no-such-ref")).isEqualTo(1);
        assertThat(err).contains("unknown git ref 'no-such-ref'").doesNotContain("observing");
    }
}
