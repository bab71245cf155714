package xenpt.json;

import xenpt.diag.ControlChars;

import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The one JSON writer, from plain values: {@code Map} (keys in the map's own order; a map of two or more keys must be
 * a {@code SequencedMap} such as {@code LinkedHashMap} or {@code TreeMap}, since {@code Map.of} and {@code HashMap}
 * orders change from one JVM run to the next), {@code Collection}, {@code String}, {@code Number}, {@code Boolean},
 * {@code null}, and {@code Optional}/enum/record-free {@code Object}s by {@code toString()}. {@link #write} pretty-prints
 * with two-space indents (reports, saved plans); {@link #line} writes one line (one record per line in host files).
 * Neither ends with a newline.
 */
public final class Json {

    /** The indent that means "all on one line". */
    private static final int LINE = -1;

    private Json() {}

    /** Pretty-printed, two-space indents. */
    public static String write(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value, 0);
        return s.toString();
    }

    /** On one line: {@code {"a": 1, "b": [true, null]}}. */
    public static String line(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value, LINE);
        return s.toString();
    }

    private static void write(StringBuilder s, Object v, int indent) {
        if (v instanceof java.util.Optional<?> o) v = o.orElse(null);
        if (v == null) {
            s.append("null");
        } else if (v instanceof Map<?, ?> m) {
            if (m.size() > 1 && !(m instanceof java.util.SequencedMap)) {
                throw new IllegalArgumentException("a JSON object needs a map with a stable key order, not "
                        + m.getClass().getName() + " " + m.keySet());
            }
            container(s, '{', m.entrySet(), '}', indent, (e, in) -> {
                string(s, String.valueOf(e.getKey()));
                s.append(": ");
                write(s, e.getValue(), in);
            });
        } else if (v instanceof Collection<?> c) {
            container(s, '[', c, ']', indent, (e, in) -> write(s, e, in));
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

    /** Items between {@code open} and {@code close}: one per line, indented, or all on one line. */
    private static <T> void container(StringBuilder s, char open, Collection<T> items, char close, int indent,
            BiConsumer<T, Integer> item) {
        if (items.isEmpty()) {
            s.append(open).append(close);
            return;
        }
        int inner = indent == LINE ? LINE : indent + 1;
        s.append(open);
        String sep = "";
        for (T e : items) {
            s.append(sep);
            if (indent != LINE) {
                s.append('\n');
                pad(s, inner);
            }
            item.accept(e, inner);
            sep = indent == LINE ? ", " : ",";
        }
        if (indent != LINE) {
            s.append('\n');
            pad(s, indent);
        }
        s.append(close);
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
