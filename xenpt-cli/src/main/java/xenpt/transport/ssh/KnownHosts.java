package xenpt.transport.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An OpenSSH known_hosts file: plain and hashed ({@code |1|salt|hash}) host patterns, {@code [host]:port} for
 * ports other than 22, {@code !negation} and {@code * ?} wildcards, {@code @revoked} lines. {@code @cert-authority}
 * lines are ignored (xenpt does not verify host certificates). Lines that do not parse are skipped, as OpenSSH does.
 */
final class KnownHosts {

    /** One key line. @param line 1-based line number, for messages */
    record Entry(String patterns, String keyType, byte[] blob, boolean revoked, int line) {

        String fingerprint() {
            return KnownHosts.fingerprint(blob);
        }
    }

    /** A loaded file and the version of it that was read: reused while size and modification time stay the same. */
    private record Cached(FileTime modified, long size, KnownHosts known) {}

    /** One fleet shares one known_hosts file: each connection checking it must not parse it again. */
    private static final Map<Path, Cached> CACHE = new ConcurrentHashMap<>();

    private final Path file;
    /** Entries whose patterns are plain host tokens, by lower-cased token; the rest are matched one by one. */
    private final Map<String, List<Entry>> plain = new HashMap<>();
    private final List<Entry> patterned = new ArrayList<>();

    private KnownHosts(Path file, List<Entry> entries) {
        this.file = file;
        for (Entry e : entries) {
            if (e.patterns().startsWith("|") || e.patterns().matches(".*[*?!].*")) {
                patterned.add(e);
                continue;
            }
            for (String p : e.patterns().split(",")) {
                plain.computeIfAbsent(p.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** OpenSSH's own known_hosts files stay far below this. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** Loads {@code file}; an absent file is empty. A file unchanged since the last load is not read again. */
    static KnownHosts load(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(key, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            CACHE.remove(key);
            return new KnownHosts(file, List.of());
        }
        if (!attrs.isRegularFile()) {
            // A FIFO would block the read and a device never end it: refused before it is opened.
            throw new IOException("known_hosts file " + file + " is not a regular file");
        }
        if (attrs.size() > MAX_BYTES) {
            throw new IOException("known_hosts file " + file + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        Cached c = CACHE.get(key);
        if (c != null && c.modified().equals(attrs.lastModifiedTime()) && c.size() == attrs.size()) return c.known();
        KnownHosts known = parse(file);
        CACHE.put(key, new Cached(attrs.lastModifiedTime(), attrs.size(), known));
        return known;
    }

    private static KnownHosts parse(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Entry e = parseLine(lines.get(i), i + 1);
            if (e != null) entries.add(e);
        }
        return new KnownHosts(file, entries);
    }

    private static Entry parseLine(String raw, int lineNo) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) return null;
        String[] f = line.split("\\s+");
        int i = 0;
        boolean revoked = false;
        if (f[0].startsWith("@")) {
            if (f[0].equals("@cert-authority")) return null;
            revoked = f[0].equals("@revoked");
            if (!revoked) return null;
            i = 1;
        }
        if (f.length < i + 3) return null;
        try {
            return new Entry(f[i], f[i + 1], Base64.getDecoder().decode(f[i + 2]), revoked, lineNo);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Path file() {
        return file;
    }

    /** The name OpenSSH looks up: {@code host} on port 22, else {@code [host]:port}. */
    static String hostToken(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    /** Entries whose host patterns match {@code token}, in file order. */
    List<Entry> matching(String token) {
        List<Entry> out = new ArrayList<>(plain.getOrDefault(token.toLowerCase(java.util.Locale.ROOT), List.of()));
        for (Entry e : patterned) {
            if (matches(e.patterns(), token)) out.add(e);
        }
        if (!patterned.isEmpty()) out.sort(java.util.Comparator.comparingInt(Entry::line));
        return List.copyOf(out);
    }

    static boolean matches(String patterns, String token) {
        if (patterns.startsWith("|1|")) return hashedMatches(patterns, token);
        boolean any = false;
        for (String p : patterns.split(",")) {
            boolean negated = p.startsWith("!");
            String glob = negated ? p.substring(1) : p;
            if (globMatches(glob.toLowerCase(java.util.Locale.ROOT), token.toLowerCase(java.util.Locale.ROOT))) {
                if (negated) return false;
                any = true;
            }
        }
        return any;
    }

    private static boolean globMatches(String glob, String text) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return text.matches(re.toString());
    }

    /** {@code |1|base64(salt)|base64(HMAC-SHA1(salt, host))}, as {@code HashKnownHosts yes} writes. */
    private static boolean hashedMatches(String field, String token) {
        String[] parts = field.split("\\|");
        if (parts.length != 4) return false;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(parts[2]), "HmacSHA1"));
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Appends a plain (unhashed) line for {@code token}, creating the file and its directory as needed. */
    void append(String token, String keyType, byte[] blob) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        String prefix = "";
        if (Files.exists(file) && Files.size(file) > 0) {
            byte[] all = Files.readAllBytes(file);
            if (all[all.length - 1] != '\n') prefix = "\n";
        }
        String line = prefix + token + " " + keyType + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** OpenSSH's {@code SHA256:<base64 without padding>} of a public key blob. */
    static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
