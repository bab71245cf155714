package xenpt.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One xapi class as the CLI sees it: its fields in record order, the default {@code params} of its list command and
 * the generic {@code *-list}, {@code *-param-get} and {@code *-param-list} behaviour over them.
 */
final class XeTable<T> {

    private final String className;
    private final List<XeField<T>> fields;
    private final List<String> defaults;

    XeTable(String className, List<XeField<T>> fields, List<String> defaults) {
        this.className = className;
        this.fields = List.copyOf(fields);
        this.defaults = List.copyOf(defaults);
    }

    String className() {
        return className;
    }

    Optional<XeField<T>> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * {@code *-list}: rows matching every filter, printed with the selected fields in record order (unknown names in
     * {@code params} are ignored), or with {@code --minimal} the first selected field of each row.
     */
    Outcome list(List<T> rows, XeArgs args) {
        Set<String> wanted = new HashSet<>(args.get("params").map(p -> List.of(p.split(","))).orElse(defaults));
        boolean all = wanted.contains("all");
        List<XeField<T>> selected = fields.stream().filter(f -> all || wanted.contains(f.name())).toList();
        List<T> matching = rows.stream().filter(r -> matches(r, args.filters())).toList();
        if (args.minimal()) {
            List<String> firsts = new ArrayList<>();
            for (T r : matching) firsts.add(selected.isEmpty() ? "" : selected.get(0).get().apply(r));
            return Outcome.ok(XeFormat.minimal(firsts));
        }
        StringBuilder out = new StringBuilder();
        for (T r : matching) out.append(render(r, selected));
        return Outcome.ok(out.toString());
    }

    /**
     * Exact-match filters on printed values; {@code map:key=value} matches a map entry. A filter naming no field
     * matches nothing (xapi's behaviour here is not documented; matching nothing cannot select a wrong object).
     */
    boolean matches(T row, Map<String, String> filters) {
        for (Map.Entry<String, String> f : filters.entrySet()) {
            String key = f.getKey();
            int colon = key.indexOf(':');
            Optional<XeField<T>> field = field(colon < 0 ? key : key.substring(0, colon));
            if (field.isEmpty()) return false;
            if (colon >= 0) {
                if (!field.get().isMap()) return false;
                if (!f.getValue().equals(field.get().map().apply(row).get(key.substring(colon + 1)))) return false;
            } else if (!field.get().get().apply(row).equals(f.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** {@code *-param-get param-name=… [param-key=…]}; {@code --minimal} escapes commas here too. */
    Outcome paramGet(T row, XeArgs args) {
        Optional<String> name = args.get("param-name");
        if (name.isEmpty()) return XeFormat.requiredParameter("param-name");
        Optional<XeField<T>> field = field(name.get());
        if (field.isEmpty()) return XeFormat.missingParameter(name.get());
        String value;
        Optional<String> key = args.get("param-key");
        if (key.isPresent()) {
            if (!field.get().isMap()) return XeFormat.missingParameter(name.get());
            value = field.get().map().apply(row).get(key.get());
            if (value == null) return XeFormat.cliFailure("Key " + key.get() + " not found in map");
        } else {
            value = field.get().get().apply(row);
        }
        return Outcome.ok((args.minimal() ? XeFormat.escapeCommas(value) : value) + "\n");
    }

    Outcome paramList(T row) {
        return Outcome.ok(render(row, fields));
    }

    private String render(T row, List<XeField<T>> selected) {
        List<String[]> lv = new ArrayList<>();
        for (XeField<T> f : selected) lv.add(new String[] {f.label(), f.get().apply(row)});
        return XeFormat.record(lv);
    }
}
