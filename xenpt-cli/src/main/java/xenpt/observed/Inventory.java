package xenpt.observed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parser of {@code /etc/xensource-inventory}: {@code KEY='value'} lines, any order (xen-facts §8.1). */
public final class Inventory {

    private static final Pattern LINE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)");

    private Inventory() {}

    /**
     * The keys and values, unquoted. Single- or double-quoted values lose their quotes; unquoted ones are taken as
     * written; comments, blank and malformed lines are skipped; a repeated key keeps its last value (as a shell
     * sourcing the file would).
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Matcher m = LINE.matcher(line);
            if (m.matches()) values.put(m.group(1), unquote(m.group(2)));
        }
        return values;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
