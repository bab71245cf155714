package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** As {@link #run(String...)} with more environment (a CI's variables), as {@link Cli#run} sets it up. */
    private int run(Map<String, String> ci, String... args) {
        Map<String, String> env = new HashMap<>(ci);
        env.put("XENPT_SIM_DIR", tmp.resolve("sim").toString());
        env.put("HOME", tmp.toString());
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int exit = Main.run(new PrintWriter(o), new PrintWriter(e), env, args);
        out = o.toString();
        err = e.toString();
        return exit;
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

    /**
     * Base (V1) already drifted: it hides 0e:00.0 and the host hides nothing. Head's hide row replaces base's, so
     * all three rows are the pull request's, and base's row shows as existing drift that the pull request changes.
     */
    @Test
    void onlineReviewAddsThePlanOfHeadAgainstTheSimulatedHost() {
        assertThat(run("review", "-f", file.toString(), "--base", "HEAD~1", "-o", "markdown")).as(err).isEqualTo(2);
        assertThat(out).startsWith("<!-- xenpt:review -->\n### xenpt review\n\n**Intent of `HEAD~1 ("
                + first.name().substring(0, 7));
        assertThat(out).contains("**Plan: 3 changes on 1 host by this pull request.** **Drift that already exists: 1 change on 1 host.**",
                "> [!WARNING]\n> ⚠️ **After merge and apply, 1 host needs a reboot and 1 VM needs a restart** before this pull"
                        + " request's changes take effect.\n>\n> **Drift that already exists:** 1 change on 1 host, not from this"
                        + " pull request (planned at base too); for it alone 1 host needs a reboot. See below.\n\n",
                "#### Changes in this pull request", "| + | hide | 0000:01:03.0 |",
                "`(0000:01:03.0)(0000:0e:00.0)`", "Windows Server 2012 R2", "at commit `" + second.name() + "`",
                "#### Drift that already exists",
                "| wintermute | + | hide | wintermute | — | `(0000:0e:00.0)` | reboot required | changed by this pull request (see above) |");
        assertThat(out.split("\\[!WARNING]", -1)).as("one banner").hasSize(2);
        assertThat(out).as("no CI named in the environment, no run link").doesNotContain("CI run");
        assertThat(err).contains("observing wintermute");
        assertThat(err.split("observing wintermute", -1)).as("the host is observed once for both plans").hasSize(2);
    }

    /**
     * Base already drifted (it hides 0e:00.0, the host hides nothing) and the pull request only gives that device to
     * a running VM: the hide row is planned at base too, so it is existing drift, and the reboot it needs is not the
     * pull request's (which needs only the VM's restart).
     */
    @Test
    void aReviewWhereBaseAlreadyDriftedShowsTheTwoPartsApart() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("drifted"));
        Path hosts = other.resolve("hosts.yaml");
        try (Git git = Git.init().setDirectory(other.toFile()).setInitialBranch("main").call()) {
            Files.writeString(hosts, V1);
            commit(git, "wintermute: hide the second NIC (never applied)");
            Files.writeString(hosts, V1 + "    vms:\n      Windows Server 2012 R2: {pci: [0e:00.0]}\n");
            commit(git, "wintermute: give the second NIC to Windows");
        }
        assertThat(run("review", "-f", hosts.toString(), "--base", "HEAD~1", "-o", "markdown")).as(err).isEqualTo(2);
        String mine = section(out, "#### Changes in this pull request", "#### Drift that already exists");
        String existing = section(out, "#### Drift that already exists", "\n---\n");
        assertThat(mine).contains("| + | assign | wintermute/Windows Server 2012 R2 |").doesNotContain("| hide |");
        assertThat(existing).contains("| wintermute | + | hide | wintermute | — | `(0000:0e:00.0)` | reboot required | applied as it is |")
                .doesNotContain("assign");
        assertThat(out).contains("**Plan: 2 changes on 1 host by this pull request.** **Drift that already exists: 1 change on 1 host.**",
                "> ⚠️ **After merge and apply, 1 VM needs a restart** before this pull request's changes take effect.\n>\n"
                        + "> **Drift that already exists:** 1 change on 1 host, not from this pull request (planned at base"
                        + " too); for it alone 1 host needs a reboot.");

        assertThat(run("review", "-f", hosts.toString(), "--base", "HEAD~1")).as(err).isEqualTo(2);
        assertThat(out).containsSubsequence("Changes in this pull request", "assign", "Drift that already exists (planning base HEAD~1",
                "+ hide", "(reboot required; applied as it is)");
        assertThat(run("review", "-f", hosts.toString(), "--base", "HEAD~1", "-o", "json")).as(err).isEqualTo(2);
        JSONObject json = new JSONObject(out);
        assertThat(json.getJSONObject("base_plan").getJSONArray("hosts").getJSONObject(0).getJSONArray("changes").length()).isEqualTo(1);
        assertThat(json.getJSONObject("plan").getJSONArray("hosts").getJSONObject(0).getJSONArray("changes").length()).isEqualTo(3);
    }

    /** A host the pull request leaves unchanged is one count line, listed with --show-unchanged (issue 14). */
    @Test
    void hostsThePullRequestLeavesUnchangedAreCountedAndListedOnRequest() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("fleet"));
        Path hosts = other.resolve("hosts.yaml");
        String xcpng83 = "  xcpng83:\n    address: sim:xcpng83\n    hide: []\n";
        try (Git git = Git.init().setDirectory(other.toFile()).setInitialBranch("main").call()) {
            Files.writeString(hosts, "version: 1\nhosts:\n" + xcpng83);
            commit(git, "xcpng83 alone");
            Files.writeString(hosts, V1 + xcpng83);
            commit(git, "wintermute: hide the second NIC");
        }
        assertThat(run("review", "-f", hosts.toString(), "--base", "HEAD~1", "-o", "markdown")).as(err).isEqualTo(2);
        assertThat(section(out, "#### Changes in this pull request", "\n---\n"))
                .contains("#### wintermute (", "1 host unchanged (`--show-unchanged` lists them).").doesNotContain("xcpng83");
        assertThat(run("review", "-f", hosts.toString(), "--base", "HEAD~1", "-o", "markdown", "--show-unchanged")).isEqualTo(2);
        assertThat(out).contains("<details><summary>1 host unchanged</summary>\n\n- xcpng83 (`sim:xcpng83`)\n");
        assertThat(run("review", "-f", hosts.toString(), "--base", "HEAD~1")).isEqualTo(2);
        assertThat(out).contains("\n1 host unchanged (--show-unchanged lists them)\n").doesNotContain("xcpng83 (");
        assertThat(run("review", "-f", hosts.toString(), "--base", "HEAD~1", "--show-unchanged")).isEqualTo(2);
        assertThat(out).contains("xcpng83 (sim:xcpng83)\n  matches the desired state\n");
    }

    /** The footer's commands, copied as printed from a checkout of the merged branch, save and apply the plan. */
    @Test
    void theFooterNamesTheCiRunAndItsApplyCommandsWorkAsPrinted() throws Exception {
        Map<String, String> github = Map.of("GITHUB_SERVER_URL", "https://github.example.org", "GITHUB_REPOSITORY",
                "ops/hosts", "GITHUB_RUN_ID", "4242");
        assertThat(run(github, "review", "-f", file.toString(), "--base", "HEAD~1", "-o", "markdown")).as(err).isEqualTo(2);
        assertThat(out).contains("<sub>[CI run](https://github.example.org/ops/hosts/actions/runs/4242) · xenpt ");
        assertThat(run(Map.of("CI_JOB_URL", "https://gitlab.example.org/ops/hosts/-/jobs/77"), "review", "-f",
                file.toString(), "--base", "HEAD~1", "-o", "markdown")).as(err).isEqualTo(2);
        assertThat(out).contains("[CI run](https://gitlab.example.org/ops/hosts/-/jobs/77)");
        String block = out.substring(out.indexOf("```sh\n") + 6, out.lastIndexOf("\n```"));
        List<String> printed = block.lines().toList();
        assertThat(printed).containsExactly("xenpt plan -f " + file + " --out .xenpt/plan.json", "xenpt apply .xenpt/plan.json");

        Files.writeString(file, V2); // the checkout of the merged branch
        try {
            for (String command : printed) {
                assertThat(run(command.substring("xenpt ".length()).split(" "))).as(command + "\n" + err).isZero();
            }
            assertThat(out).contains("Apply complete");
        } finally {
            Files.deleteIfExists(Path.of(".xenpt/plan.json"));
        }
    }

    private static String section(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from + " in\n" + text).isNotNegative();
        int end = text.indexOf(to, start);
        return text.substring(start, end < 0 ? text.length() : end);
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
