package xenpt.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * A parsed JSON object, read-only. Typed getters throw {@link JsonException} naming the key when it is missing or of
 * another type (org.json's own messages, e.g. {@code JSONObject["plan_id"] not found.}); the {@code opt…} ones
 * answer a fallback instead.
 */
public final class JsonObject {

    private final JSONObject o;

    private JsonObject(JSONObject o) {
        this.o = o;
    }

    /** @throws JsonException when {@code text} is not one JSON object */
    public static JsonObject parse(String text) {
        return call(() -> new JsonObject(new JSONObject(text)));
    }

    public String string(String key) {
        return call(() -> o.getString(key));
    }

    /** The value as text when present (a number too), else {@code fallback}. */
    public String optString(String key, String fallback) {
        return o.optString(key, fallback);
    }

    /** Empty when the key is missing or {@code null}; otherwise the string. */
    public Optional<String> optionalString(String key) {
        return isNull(key) ? Optional.empty() : Optional.of(string(key));
    }

    /** Whatever is at {@code key} written as text ({@code "null"} when missing), for messages and version checks. */
    public String asText(String key) {
        return String.valueOf(o.opt(key));
    }

    public int intValue(String key) {
        return call(() -> o.getInt(key));
    }

    public long longValue(String key) {
        return call(() -> o.getLong(key));
    }

    public boolean bool(String key) {
        return call(() -> o.getBoolean(key));
    }

    public JsonObject object(String key) {
        return call(() -> new JsonObject(o.getJSONObject(key)));
    }

    /** The object at {@code key}; empty when it is missing or not an object. */
    public Optional<JsonObject> optObject(String key) {
        return o.opt(key) instanceof JSONObject j ? Optional.of(new JsonObject(j)) : Optional.empty();
    }

    /** The array at {@code key}, whose items must all be objects. */
    public List<JsonObject> objects(String key) {
        return items(key, a -> i -> new JsonObject(a.getJSONObject(i)));
    }

    /** The array at {@code key}, whose items must all be strings. */
    public List<String> strings(String key) {
        return items(key, a -> a::getString);
    }

    public boolean has(String key) {
        return o.has(key);
    }

    /** Whether {@code key} is missing or {@code null}. */
    public boolean isNull(String key) {
        return o.isNull(key);
    }

    public Set<String> keys() {
        return Set.copyOf(o.keySet());
    }

    /**
     * The canonical form of this object without its top-level keys in {@code omit}: keys sorted, no white space,
     * strings escaped as org.json quotes them. What a digest over a document is computed from, so it must not change.
     */
    public String canonical(Set<String> omit) {
        StringBuilder s = new StringBuilder();
        canonical(s, o, omit);
        return s.toString();
    }

    private static void canonical(StringBuilder s, Object v, Set<String> omit) {
        if (v instanceof JSONObject j) {
            s.append('{');
            String sep = "";
            for (String key : new TreeSet<>(j.keySet())) {
                if (omit.contains(key)) continue;
                s.append(sep).append(JSONObject.quote(key)).append(':');
                canonical(s, j.get(key), Set.of());
                sep = ",";
            }
            s.append('}');
        } else if (v instanceof JSONArray a) {
            s.append('[');
            for (int i = 0; i < a.length(); i++) {
                if (i > 0) s.append(',');
                canonical(s, a.get(i), Set.of());
            }
            s.append(']');
        } else if (v instanceof String text) {
            s.append(JSONObject.quote(text));
        } else {
            s.append(JSONObject.NULL.equals(v) ? "null" : v.toString()); // numbers and booleans
        }
    }

    private <T> List<T> items(String key, Function<JSONArray, ItemReader<T>> reader) {
        return call(() -> {
            JSONArray a = o.getJSONArray(key);
            ItemReader<T> item = reader.apply(a);
            List<T> out = new ArrayList<>();
            for (int i = 0; i < a.length(); i++) out.add(item.read(i));
            return List.copyOf(out);
        });
    }

    private interface ItemReader<T> {
        T read(int index);
    }

    private interface Read<T> {
        T get();
    }

    /** Runs an org.json read, turning its exception into ours with the same message. */
    private static <T> T call(Read<T> read) {
        try {
            return read.get();
        } catch (JSONException e) {
            throw new JsonException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return o.toString();
    }
}
