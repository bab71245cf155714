package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

/**
 * The pipelines under {@code examples/ci/} are YAML, and every {@code xenpt …} they run is accepted by the real
 * command line of {@link Main} (commands, options, values). Commands that other branches add later (apply) are
 * checked as soon as Main registers them.
 */
class CiExamplesTest {

    static final Path CI = Path.of("examples", "ci");

    /** Written in parallel elsewhere; its invocations are checked once Main has it. */
    static final Set<String> PENDING = Set.of("apply");

    @Test
    void githubAndGitlabPipelinesParseAndEveryXenptInvocationIsAccepted() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(CI)) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).extracting(p -> CI.relativize(p).toString().replace('\\', '/'))
                .contains("gitlab-ci.yml", "github/xenpt-review.yml", "github/xenpt-apply.yml", "github/xenpt-drift.yml",
                        "github/setup-xenpt/action.yml", "gitlab-setup-xenpt.yml");
        List<List<String>> invocations = new ArrayList<>();
        for (Path f : files) {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(f));
            assertThat(doc).as(f.toString()).isInstanceOf(Map.class);
            List<String> scripts = new ArrayList<>();
            collectScripts(doc, scripts);
            assertThat(scripts).as("shell steps in " + f).isNotEmpty();
            for (String script : scripts) invocations.addAll(ShellWords.xenptInvocations(script));
        }
        assertThat(invocations).extracting(a -> a.get(0))
                .contains("review", "apply", "drift", "validate", "plan");
        assertThat(invocations).anySatisfy(a -> assertThat(a).containsSubsequence("review", "--base", "origin/main", "-o", "markdown"));
        assertThat(invocations).anySatisfy(a -> assertThat(a).containsExactly("apply", "plan.json", "--lock-timeout", "10m", "--no-color"));
        assertThat(invocations).anySatisfy(a -> assertThat(a).contains("drift", "--report"));

        Set<String> registered = CommandTree.whole(newMain()).getSubcommands().keySet();
        for (List<String> args : invocations) {
            if (PENDING.contains(args.get(0)) && !registered.contains(args.get(0))) continue;
            CommandLine cl = CommandTree.whole(newMain());
            CommandLine.ParseResult parsed = cl.parseArgs(args.toArray(String[]::new));
            assertThat(parsed.hasSubcommand()).as(String.join(" ", args)).isTrue();
            assertThat(parsed.subcommand().unmatched()).as(String.join(" ", args)).isEmpty();
        }
    }

    /** The apply jobs apply the plan file that their plan job saved and passed on, never a fresh plan. */
    @Test
    @SuppressWarnings("unchecked")
    void applyJobsApplyTheSavedPlanOfThePlanJob() throws IOException {
        Map<String, Object> github = (Map<String, Object>) load(CI.resolve("github/xenpt-apply.yml")).get("jobs");
        List<String> planJob = commands(github.get("plan"));
        List<String> applyJob = commands(github.get("apply"));
        assertThat(((Map<String, Object>) github.get("apply")).get("needs")).isEqualTo("plan");
        assertThat(String.valueOf(github.get("plan"))).contains("actions/upload-artifact", "name=xenpt-plan", "path=plan.json");
        assertThat(String.valueOf(github.get("apply"))).contains("actions/download-artifact", "name=xenpt-plan");
        assertSavedPlanApplied(planJob, applyJob);

        Map<String, Object> gitlab = load(CI.resolve("gitlab-ci.yml"));
        Map<String, Object> apply = (Map<String, Object>) gitlab.get("apply");
        assertThat((List<String>) apply.get("needs")).containsExactly("plan");
        assertThat(String.valueOf(gitlab.get("plan"))).contains("paths=[plan.json]");
        assertSavedPlanApplied(commands(gitlab.get("plan")), commands(apply));
    }

    /** The plan job saves {@code --out F}; the apply job runs {@code xenpt apply F} and no other plan or apply. */
    private static void assertSavedPlanApplied(List<String> planJob, List<String> applyJob) {
        List<List<String>> plans = planJob.stream().flatMap(s -> ShellWords.xenptInvocations(s).stream()).toList();
        List<List<String>> applies = applyJob.stream().flatMap(s -> ShellWords.xenptInvocations(s).stream()).toList();
        assertThat(plans).singleElement().satisfies(p -> assertThat(p).containsSubsequence("plan", "--out", "plan.json"));
        assertThat(applies).singleElement().satisfies(a -> {
            assertThat(a.subList(0, 2)).containsExactly("apply", "plan.json");
            assertThat(a).doesNotContain("-f", "--file", "--auto-approve", "--target");
        });
    }

    /** The composite action installs the pinned tarball only after its SHA-256 matched; every workflow uses it. */
    @Test
    @SuppressWarnings("unchecked")
    void setupActionVerifiesTheChecksumBeforeUnpacking() throws IOException {
        Map<String, Object> action = load(CI.resolve("github/setup-xenpt/action.yml"));
        Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
        assertThat(inputs).containsOnlyKeys("url", "sha256");
        inputs.values().forEach(i -> assertThat(((Map<String, Object>) i).get("required")).isEqualTo(true));
        Map<String, Object> runs = (Map<String, Object>) action.get("runs");
        assertThat(runs.get("using")).isEqualTo("composite");
        assertChecksumBeforeUnpack(String.join("\n", commands(runs)));
        for (String workflow : List.of("xenpt-review.yml", "xenpt-apply.yml", "xenpt-drift.yml")) {
            String text = Files.readString(CI.resolve("github").resolve(workflow));
            assertThat(text).as(workflow).contains("uses: ./.github/actions/setup-xenpt", "sha256:")
                    .doesNotContain("XENPT_JAR_URL", "setup-java");
        }
        String snippet = String.join("\n", commands(load(CI.resolve("gitlab-setup-xenpt.yml")).get(".setup-xenpt")));
        assertChecksumBeforeUnpack(snippet);
        assertChecksumBeforeUnpack(String.join("\n", commands(load(CI.resolve("gitlab-ci.yml")).get("default"))));
    }

    private static void assertChecksumBeforeUnpack(String script) {
        assertThat(script).contains("curl -fsSL", "sha256sum", "--strict", "tar -xzf");
        assertThat(script.indexOf("sha256sum")).isLessThan(script.indexOf("tar -xzf"));
    }

    /** This repository's release workflow: on a version tag, the tests and release check, then all artifacts. */
    @Test
    @SuppressWarnings("unchecked")
    void releaseWorkflowBuildsChecksAndPublishesOnATag() throws IOException {
        Path file = Path.of(".github", "workflows", "release.yml");
        Map<String, Object> wf = load(file);
        // YAML 1.2: the key "on" stays a string
        Map<String, Object> on = (Map<String, Object>) wf.get("on");
        assertThat(((Map<String, Object>) on.get("push")).get("tags")).isEqualTo(List.of("v*"));
        assertThat(((Map<String, Object>) wf.get("permissions")).get("contents")).isEqualTo("write");
        List<String> steps = commands(wf.get("jobs"));
        String all = String.join("\n", steps);
        assertThat(all).contains("$GITHUB_REF_NAME", "pom.xml", ".ci/run", "gh release create", "target/release/*");
        assertThat(all.indexOf(".ci/run")).isLessThan(all.indexOf("gh release create"));
        assertThat(Files.readString(Path.of(".ci", "run")))
                .contains("scripts/release-check");
    }

    @Test
    void theGitlabReviewUpdatesItsOwnNoteInsteadOfAddingOnePerPush() throws IOException {
        String review = String.join("\n", commands(load(CI.resolve("gitlab-ci.yml")).get("review")));
        assertThat(review).contains("marker='<!-- xenpt:review -->'", "select(.author.id == $me and (.body | contains($m)))",
                "--request PUT", "\"$api/$note\"", "--request POST");
        assertThat(review.indexOf("--request PUT")).isLessThan(review.indexOf("--request POST"));
    }

    /**
     * Both review jobs find their earlier comment by the marker that {@code review -o markdown} starts with, and edit
     * it; a failed review that printed nothing still leaves a comment with the marker.
     */
    @Test
    void bothReviewJobsFindTheirCommentByTheMarkerThatXenptWrites() throws IOException {
        String github = String.join("\n", commands(load(CI.resolve("github/xenpt-review.yml")).get("jobs")));
        assertThat(github).contains("marker='" + xenpt.render.ReviewFooter.MARKER + "'",
                "select(.user.login == \"github-actions[bot]\" and (.body | startswith($m)))",
                "gh api --method PATCH \"repos/$GITHUB_REPOSITORY/issues/comments/$id\" -F body=@review.md",
                "gh pr comment \"$PR\" --body-file review.md").doesNotContain("--edit-last");
        assertThat(github.indexOf("--method PATCH")).isLessThan(github.indexOf("gh pr comment"));
        String gitlab = String.join("\n", commands(load(CI.resolve("gitlab-ci.yml")).get("review")));
        for (String job : List.of(github, gitlab)) {
            assertThat(job).contains("grep -qF \"$marker\" review.md", "printf '%s\\n### xenpt review").doesNotContain("note.md");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    private static List<String> commands(Object job) {
        List<String> out = new ArrayList<>();
        collectScripts(job, out);
        return out;
    }

    @Test
    void extractorFindsCommandsAfterOperatorsAndSubstitutesVariables() {
        List<List<String>> found = ShellWords.xenptInvocations("""
                printf 'exec xenpt.jar' > x; code=0; xenpt drift --shard "$K/${N}" --report "d-${{ matrix.shard }}.json" > out || code=$?
                echo xenpt plan && xenpt validate -f a\\
                  b/
                """);
        assertThat(found).containsExactly(List.of("drift", "--shard", "1/1", "--report", "d-1.json"), List.of("validate", "-f", "a", "b/"));
    }

    @Test
    void aWrongOptionInAPipelineWouldBeCaught() {
        List<String> args = ShellWords.xenptInvocations("xenpt drift --shards 1/4").get(0);
        CommandLine cl = CommandTree.whole(newMain());
        org.junit.jupiter.api.Assertions.assertThrows(CommandLine.ParameterException.class,
                () -> cl.parseArgs(args.toArray(String[]::new)));
    }

    private static Main newMain() {
        return new Main(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of());
    }

    /** {@code run:} values (GitHub) and {@code script:}/{@code before_script:} lists (GitLab), anywhere in the document. */
    private static void collectScripts(Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equals("run") && e.getValue() instanceof String s) out.add(s);
                else if ((key.equals("script") || key.equals("before_script")) && e.getValue() instanceof List<?> l) {
                    l.forEach(x -> out.add(String.valueOf(x)));
                } else collectScripts(e.getValue(), out);
            }
        } else if (node instanceof List<?> l) {
            l.forEach(x -> collectScripts(x, out));
        }
    }

    /** Just enough POSIX shell word splitting to find {@code xenpt} commands in CI steps. */
    static final class ShellWords {

        private static final Set<String> OPERATORS = Set.of(";", "&&", "||", "|", "&", ">", ">>", "<", "2>", "(", ")");

        static List<List<String>> xenptInvocations(String script) {
            String text = script.replace("\\\n", "").replaceAll("\\$\\{\\{[^}]*}}", "1");
            List<List<String>> found = new ArrayList<>();
            for (String line : text.split("\n")) {
                List<String> words = words(line);
                boolean commandStart = true;
                for (int i = 0; i < words.size(); i++) {
                    String w = words.get(i);
                    if (OPERATORS.contains(w)) {
                        commandStart = true;
                        continue;
                    }
                    if (commandStart && w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) continue;
                    if (commandStart && w.equals("xenpt")) {
                        List<String> args = new ArrayList<>();
                        for (int j = i + 1; j < words.size() && !OPERATORS.contains(words.get(j)); j++) args.add(words.get(j));
                        found.add(args);
                    }
                    commandStart = false;
                }
            }
            return found;
        }

        /** Words with quotes removed and {@code $VAR}/{@code ${VAR}} replaced by {@code 1}; operators as words. */
        private static List<String> words(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder w = null;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '#' && w == null) break;
                if (Character.isWhitespace(c)) {
                    if (w != null) words.add(w.toString());
                    w = null;
                    continue;
                }
                String op = operatorAt(line, i);
                if (op != null && (w == null || !op.equals("2>"))) {
                    if (w != null) words.add(w.toString());
                    w = null;
                    words.add(op);
                    i += op.length() - 1;
                    continue;
                }
                if (w == null) w = new StringBuilder();
                if (c == '\'') {
                    int end = line.indexOf('\'', i + 1);
                    w.append(line, i + 1, end);
                    i = end;
                } else if (c == '"') {
                    int end = line.indexOf('"', i + 1);
                    w.append(variables(line.substring(i + 1, end)));
                    i = end;
                } else if (c == '$') {
                    int end = i + 1;
                    if (end < line.length() && line.charAt(end) == '{') end = line.indexOf('}', end) + 1;
                    else while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_' || line.charAt(end) == '?')) end++;
                    w.append('1');
                    i = end - 1;
                } else {
                    w.append(c);
                }
            }
            if (w != null) words.add(w.toString());
            return words;
        }

        private static String variables(String quoted) {
            return quoted.replaceAll("\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*", "1");
        }

        private static String operatorAt(String line, int i) {
            for (String op : List.of("&&", "||", ">>", "2>", ";", "|", "&", ">", "<", "(", ")")) {
                if (line.startsWith(op, i)) return op;
            }
            return null;
        }
    }
}
