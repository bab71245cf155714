package xenpt.apply;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import xenpt.render.Json;

/**
 * One JSON value on one line, for the lock's owner file and the journal (one record per line). Maps keep their own
 * order; strings are escaped by {@link Json#string}.
 */
final class JsonLine {

    private JsonLine() {}

    static String write(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value);
        return s.toString();
    }

    private static void write(StringBuilder s, Object v) {
        if (v instanceof Optional<?> o) v = o.orElse(null);
        if (v == null) {
            s.append("null");
        } else if (v instanceof Map<?, ?> m) {
            s.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                s.append(sep);
                Json.string(s, String.valueOf(e.getKey()));
                s.append(": ");
                write(s, e.getValue());
                sep = ", ";
            }
            s.append('}');
        } else if (v instanceof Collection<?> c) {
            s.append('[');
            String sep = "";
            for (Object e : c) {
                s.append(sep);
                write(s, e);
                sep = ", ";
            }
            s.append(']');
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            s.append(v);
        } else {
            Json.string(s, v.toString());
        }
    }
}
