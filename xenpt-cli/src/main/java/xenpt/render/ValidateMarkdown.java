package xenpt.render;

import xenpt.desired.LoadResult;
import xenpt.diag.Diagnostic;

/**
 * {@code validate -o markdown}: the verdict and, when there are any, the diagnostics as a table (where, severity,
 * message, what is expected), for a pull-request comment or a job summary.
 */
final class ValidateMarkdown {

    private ValidateMarkdown() {}

    static String render(LoadResult r) {
        StringBuilder s = new StringBuilder("### xenpt validate\n\n**");
        s.append(r.ok() ? Markdown.cell(r.state().map(ValidateView::summary).orElse("Valid."))
                : "Invalid: " + ValidateView.counts(r) + ".").append("**\n");
        if (r.diagnostics().isEmpty()) return s.toString();
        s.append("\n| where | severity | problem | expected |\n|---|---|---|---|\n");
        for (Diagnostic d : r.diagnostics()) {
            s.append("| ").append(Markdown.code(d.where().map(Object::toString).orElse("")))
                    .append(" | ").append(d.severity().label())
                    .append(" | ").append(Markdown.cell(d.message()))
                    .append(" | ").append(d.hint() == null ? "" : Markdown.cell(d.hint())).append(" |\n");
        }
        return s.toString();
    }
}
