package xenpt.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xenpt.desired.DesiredState;
import xenpt.desired.LoadResult;
import xenpt.diag.Diagnostic;

/** The result of {@code validate}: a one-line summary for people, or the diagnostics as one JSON document. */
public final class ValidateView {

    private ValidateView() {}

    /** {@code Valid: 3 hosts, 5 hidden devices, 2 VM assignments.}; an assignment is one device given to one VM. */
    public static String summary(DesiredState state) {
        int hidden = state.hosts().stream().mapToInt(h -> h.hide().map(List::size).orElse(0)).sum();
        int assigned = state.hosts().stream().flatMap(h -> h.vms().stream()).mapToInt(vm -> vm.pci().size()).sum();
        return "Valid: " + Plural.of(state.hosts().size(), "host") + ", " + Plural.of(hidden, "hidden device") + ", "
                + Plural.of(assigned, "VM assignment") + ".";
    }

    public static String counts(LoadResult r) {
        return Plural.of(r.errorCount(), "error") + ", " + Plural.of(r.warningCount(), "warning");
    }


    static Map<String, Object> json(LoadResult r) {
        List<Object> diagnostics = new ArrayList<>();
        for (Diagnostic d : r.diagnostics()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", d.location() == null ? null : d.location().file());
            m.put("line", d.location() == null ? 0 : d.location().line());
            m.put("column", d.location() == null ? 0 : d.location().column());
            m.put("severity", d.severity().label());
            m.put("message", d.message());
            m.put("hint", d.hint());
            diagnostics.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format_version", "1");
        out.put("xenpt_version", xenpt.build.XenptVersion.current().recorded());
        out.put("valid", r.ok());
        out.put("error_count", r.errorCount());
        out.put("warning_count", r.warningCount());
        out.put("diagnostics", diagnostics);
        return out;
    }
}
