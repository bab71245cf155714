package xenpt.render;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import xenpt.apply.ApplyReport;
import xenpt.desired.HostSpec;
import xenpt.desired.Intent;
import xenpt.desired.LoadResult;
import xenpt.format.journal.JournalEntry;
import xenpt.json.Json;
import xenpt.observed.ObservedHost;
import xenpt.plan.BaseAndHead;
import xenpt.plan.DriftReport;
import xenpt.plan.Plan;

/**
 * The one place that picks the view of a document for the output format ({@code -o}). A command makes one
 * {@code Views} and asks it for each document it prints; no command chooses between text, JSON and Markdown itself.
 */
public record Views(Format format, boolean color, boolean showUnchanged) {

    public Views {
        java.util.Objects.requireNonNull(format, "format");
    }

    /** Views that collapse the hosts with nothing to show to one count line in text and Markdown. */
    public Views(Format format, boolean color) {
        this(format, color, false);
    }

    /** These views, listing the unchanged hosts too when {@code show} ({@code --show-unchanged}); JSON always does. */
    public Views showingUnchanged(boolean show) {
        return new Views(format, color, show);
    }

    public String plan(Plan plan) {
        return switch (format) {
            case text -> PlanText.render(plan, color, showUnchanged);
            case json -> PlanJson.write(plan);
            case markdown -> PlanMarkdown.render(plan, showUnchanged);
        };
    }

    /** Whether a command's report on stdout is JSON, so that everything else it says goes to stderr. */
    public boolean json() {
        return format == Format.json;
    }

    /** The plan an apply shows before it applies: under {@code -o json} as text for stderr, beside the JSON report. */
    public String planBeforeApply(Plan plan) {
        return json() ? PlanText.render(plan, color, showUnchanged) : plan(plan);
    }

    /** The drift report file of {@code drift --report}: JSON whatever {@code -o} says, for programs. */
    public static String driftReport(DriftReport drift, Map<String, Optional<JournalEntry>> applied) {
        return DriftJson.write(drift, applied);
    }

    public String drift(DriftReport drift, Map<String, Optional<JournalEntry>> applied) {
        return switch (format) {
            case text -> DriftText.render(drift, color, applied, showUnchanged);
            case markdown -> DriftMarkdown.render(drift, applied, showUnchanged);
            case json -> DriftJson.write(drift, applied);
        };
    }

    /** The observed state of one host, to print as it is (each form ends with its newline). */
    public String inspect(ObservedHost host) {
        return switch (format) {
            case text -> InspectView.text(host);
            case json -> InspectView.json(host) + "\n";
            case markdown -> InspectMarkdown.render(host);
        };
    }

    public String doctor(xenpt.plan.DoctorReport report) {
        return switch (format) {
            case text -> DoctorView.text(report);
            case json -> DoctorView.json(report);
            case markdown -> DoctorView.markdown(report);
        };
    }

    /**
     * @param base    the ref the change is compared with, @param head the ref under review
     * @param plans   the plans of base and head against the live hosts; empty for an offline review
     * @param desired the desired-state path as given ({@code -f}): the footer's commands name it
     * @param env     the environment (a CI names its run there); the process's, or a test's
     */
    public String review(String base, String head, Intent intent, Optional<BaseAndHead> plans, String desired,
            Map<String, String> env) {
        ReviewView.Refs refs = new ReviewView.Refs(base, head);
        ReviewFooter footer = ReviewFooter.of(desired, env);
        return switch (format) {
            case text -> ReviewView.text(refs, intent, plans, footer, color, showUnchanged);
            case json -> ReviewView.json(refs, intent, plans);
            case markdown -> ReviewMarkdown.render(refs, intent, plans, footer, showUnchanged);
        };
    }

    /**
     * The desired-state YAML of {@code import} (YAML whatever {@code -o} says: it is a file to commit).
     *
     * @param warn told what the YAML cannot say exactly
     */
    public static String importedYaml(String name, HostSpec spec, ObservedHost host, Optional<String> hostKey,
            Consumer<String> warn) {
        return ImportYaml.render(name, spec, host, hostKey, warn);
    }

    /** The report of an apply that ran (Markdown shows the text). */
    public String applied(ApplyReport report) {
        return json() ? ReportJson.write(report) : ReportText.render(report);
    }

    /**
     * The report of an apply with nothing to change: the JSON document; in text only a failure (hosts left out) or
     * the next steps still to do by hand, else nothing (stderr already says "no changes").
     */
    public Optional<String> noChanges(ApplyReport report) {
        if (json()) return Optional.of(ReportJson.noChanges(report));
        if (report.failed()) return Optional.of(ReportText.render(report));
        if (!report.nextSteps().isEmpty()) return Optional.of(ReportText.nextSteps(report));
        return Optional.empty();
    }

    /** Why nothing was applied, as the JSON report; in text stderr has said it already, so nothing. */
    public Optional<String> refused(String reason) {
        return json() ? Optional.of(ReportJson.refused(reason, Optional.empty())) : Optional.empty();
    }

    /**
     * What {@code validate} prints on stdout: the JSON document, the Markdown verdict and diagnostics, or the summary of
     * a valid desired state.
     */
    public Optional<String> validation(LoadResult result) {
        if (json()) return Optional.of(Json.write(ValidateView.json(result)));
        if (format == Format.markdown) return Optional.of(ValidateMarkdown.render(result));
        return result.state().filter(s -> result.ok()).map(ValidateView::summary);
    }

    /** The last line of an invalid {@code validate} on stderr: the counts of errors and warnings. */
    public static String invalid(LoadResult result) {
        return "\nxenpt: the desired state is invalid: " + ValidateView.counts(result);
    }
}
