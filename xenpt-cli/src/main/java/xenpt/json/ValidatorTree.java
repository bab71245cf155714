package xenpt.json;

import java.io.Reader;
import java.util.Collection;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * Input for a JSON-schema validator built on org.json (everit takes org.json trees as {@code Object}s), so that the
 * validator's caller does not import org.json itself. The trees are opaque: pass them to the validator, nothing else.
 */
public final class ValidatorTree {

    private ValidatorTree() {}

    /** The tree of a plain value: maps, collections, scalars and {@code null} (JSON null). */
    public static Object of(Object plain) {
        if (plain instanceof Map<?, ?> m) {
            JSONObject o = new JSONObject();
            m.forEach((k, v) -> o.put(String.valueOf(k), of(v)));
            return o;
        }
        if (plain instanceof Collection<?> c) {
            JSONArray a = new JSONArray();
            for (Object item : c) a.put(of(item));
            return a;
        }
        return plain == null ? JSONObject.NULL : plain;
    }

    /** The tree of the JSON object read from {@code reader} (a schema). */
    public static Object parse(Reader reader) {
        try {
            return new JSONObject(new JSONTokener(reader));
        } catch (org.json.JSONException e) {
            throw new JsonException(e.getMessage(), e);
        }
    }
}
