package xenpt.planfile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import xenpt.json.JsonObject;

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
    public static String of(JsonObject document) {
        String canonical = document.canonical(Set.of(KEY));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
