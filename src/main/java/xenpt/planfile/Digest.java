package xenpt.planfile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The integrity digest of a saved plan: {@code sha256:} and the SHA-256 hex of the document's canonical form without
 * its {@code digest} key (objects with keys sorted, no white space, strings as JSON escapes them). It detects a plan
 * edited by hand; it is not a signature (whoever can edit the file can compute it), so apply checks every safety rule
 * against the live host as well.
 */
public final class Digest {

    static final String KEY = "digest";

    private Digest() {}

    /** The digest of {@code document}, ignoring its own {@code digest} key. */
    public static String of(JSONObject document) {
        StringBuilder s = new StringBuilder();
        canonical(s, document, true);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static void canonical(StringBuilder s, Object v, boolean top) {
        if (v instanceof JSONObject o) {
            s.append('{');
            String sep = "";
            for (String key : new TreeSet<>(o.keySet())) {
                if (top && key.equals(KEY)) continue;
                s.append(sep).append(JSONObject.quote(key)).append(':');
                canonical(s, o.get(key), false);
                sep = ",";
            }
            s.append('}');
        } else if (v instanceof JSONArray a) {
            s.append('[');
            for (int i = 0; i < a.length(); i++) {
                if (i > 0) s.append(',');
                canonical(s, a.get(i), false);
            }
            s.append(']');
        } else if (v instanceof String text) {
            s.append(JSONObject.quote(text));
        } else {
            s.append(JSONObject.NULL.equals(v) ? "null" : v.toString()); // numbers and booleans
        }
    }
}
