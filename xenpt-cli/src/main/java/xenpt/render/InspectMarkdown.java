package xenpt.render;

import java.util.List;
import xenpt.observed.ObservedHost;

/**
 * {@code inspect -o markdown}: the observed host for an issue or a job summary, the same facts and tables as the
 * text. Every value goes through {@link Markdown#cell}, so a hostile VM name stays text.
 */
final class InspectMarkdown {

    private InspectMarkdown() {}

    static String render(ObservedHost h) {
        StringBuilder s = new StringBuilder("### xenpt inspect: ").append(Markdown.cell(h.name())).append(" (")
                .append(Markdown.code(h.address())).append(")\n\n");
        InspectView.facts(h).forEach((label, value) ->
                s.append("- **").append(label).append(":** ").append(Markdown.cell(value)).append('\n'));
        s.append("\n#### Devices\n\n");
        table(s, InspectView.devices(h));
        s.append("\n#### VMs\n\n");
        table(s, InspectView.vms(h));
        return s.toString();
    }

    /** A Markdown table; the first row is the header. The views escaped control characters already. */
    private static void table(StringBuilder s, List<List<String>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            s.append("| ").append(String.join(" | ", rows.get(i).stream().map(Markdown::cell).toList())).append(" |\n");
            if (i == 0) s.append("|").append("---|".repeat(rows.get(0).size())).append('\n');
        }
        if (rows.size() == 1) s.append("\n(none)\n");
    }
}
