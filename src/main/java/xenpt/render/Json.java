package xenpt.render;

import xenpt.diag.ControlChars;

import java.util.Collection;
import java.util.Map;

/**
 * Writes JSON from plain values: {@code Map} (keys in the map's own order; a map of two or more keys must be a
 * {@code SequencedMap} such as {@code LinkedHashMap} or {@code TreeMap}, since {@code Map.of} and {@code HashMap}
 * orders change from one JVM run to the next), {@code Collection}, {@code String}, {@code Number}, {@code Boolean},
 * {@code null}, and {@code Optional}/enum/record-free {@code Object}s by {@code toString()}. Output is pretty-printed
 * with two-space indents and ends without a newline.
 */
public final class Json {

    private Json() {}

    public static String write(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value, 0);
        return s.toString();
    }

    private static void write(StringBuilder s, Object v, int indent) {
        if (v instanceof java.util.Optional<?> o) v = o.orElse(null);
        if (v == null) {
            s.append("null");
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                s.append("{}");
                return;
            }
            if (m.size() > 1 && !(m instanceof java.util.SequencedMap)) {
                throw new IllegalArgumentException("a JSON object needs a map with a stable key order, not "
                        + m.getClass().getName() + " " + m.keySet());
            }
            s.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pad(s, indent + 1);
                string(s, String.valueOf(e.getKey()));
                s.append(": ");
                write(s, e.getValue(), indent + 1);
                s.append(++i < m.size() ? ",\n" : "\n");
            }
            pad(s, indent);
            s.append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                s.append("[]");
                return;
            }
            s.append("[\n");
            int i = 0;
            for (Object e : c) {
                pad(s, indent + 1);
                write(s, e, indent + 1);
                s.append(++i < c.size() ? ",\n" : "\n");
            }
            pad(s, indent);
            s.append(']');
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            s.append(v);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalArgumentException("not a JSON number: " + n);
            s.append(n);
        } else {
            string(s, v.toString());
        }
    }

    private static void pad(StringBuilder s, int indent) {
        s.append("  ".repeat(indent));
    }

    /** Appends {@code text} as a JSON string literal, escaping quotes, backslashes and control characters. */
    public static void string(StringBuilder s, String text) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (ControlChars.isControl(c)) s.append(String.format("\\u%04x", (int) c));
                    else s.append(c);
                }
            }
        }
        s.append('"');
    }
}
