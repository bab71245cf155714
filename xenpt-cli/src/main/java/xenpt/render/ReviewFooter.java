package xenpt.render;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import xenpt.transport.Command;

/**
 * The end of a review comment: how to apply the change once merged (commands that work when copied), and a link to
 * the CI run that wrote the comment when the CI's environment names it.
 *
 * @param desired the desired-state path as {@code review -f} was given it (the commands name it the same way)
 * @param runUrl  the CI run, from {@link #runUrl(Map)}
 */
public record ReviewFooter(String desired, Optional<String> runUrl) {

    /** The hidden first line that lets CI find its earlier comment and edit it instead of adding one per push. */
    public static final String MARKER = "<!-- xenpt:review -->";

    /** Where the commands save the plan, as {@code plan}'s own note suggests. */
    static final String PLAN_FILE = ".xenpt/plan.json";

    /** A URL that cannot leave a Markdown link: no space, parenthesis or angle bracket. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s()<>\\[\\]`\"']+");

    public ReviewFooter {
        Objects.requireNonNull(desired, "desired");
        runUrl = runUrl.filter(u -> URL.matcher(u).matches());
    }

    /** The footer of the CI run described by {@code env} (the process environment; tests pass their own). */
    public static ReviewFooter of(String desired, Map<String, String> env) {
        return new ReviewFooter(desired, runUrl(env));
    }

    /**
     * The CI run's page: GitHub Actions names it by {@code GITHUB_SERVER_URL}, {@code GITHUB_REPOSITORY} and
     * {@code GITHUB_RUN_ID}; GitLab CI by {@code CI_JOB_URL}. Empty elsewhere.
     */
    static Optional<String> runUrl(Map<String, String> env) {
        String server = env.getOrDefault("GITHUB_SERVER_URL", "");
        String repo = env.getOrDefault("GITHUB_REPOSITORY", "");
        String run = env.getOrDefault("GITHUB_RUN_ID", "");
        if (!server.isEmpty() && !repo.isEmpty() && !run.isEmpty()) {
            return Optional.of(server.replaceAll("/+$", "") + "/" + repo + "/actions/runs/" + run);
        }
        return Optional.ofNullable(env.get("CI_JOB_URL")).filter(u -> !u.isEmpty());
    }

    /** The two commands that apply after the merge: save the plan of the merged state, then apply exactly it. */
    String planCommand() {
        return "xenpt plan -f " + Command.quote(desired) + " --out " + PLAN_FILE;
    }

    String applyCommand() {
        return "xenpt apply " + PLAN_FILE;
    }

    String markdown() {
        StringBuilder s = new StringBuilder("---\n\n");
        s.append("**To apply after merge**, from a checkout of the merged branch: save the plan, read it, then apply")
                .append(" exactly that plan (it is refused if a host changed in between).\n\n");
        s.append("```sh\n").append(planCommand()).append('\n').append(applyCommand()).append("\n```\n\n");
        s.append("<sub>");
        runUrl.ifPresent(u -> s.append("[CI run](").append(u).append(") · "));
        s.append("xenpt ").append(Markdown.cell(xenpt.build.XenptVersion.current().recorded())).append("</sub>\n");
        return s.toString();
    }

    String text() {
        StringBuilder s = new StringBuilder("To apply after merge, from a checkout of the merged branch:\n");
        s.append("  ").append(planCommand()).append("\n  ").append(applyCommand()).append('\n');
        runUrl.ifPresent(u -> s.append("CI run: ").append(u).append('\n'));
        return s.toString();
    }
}
