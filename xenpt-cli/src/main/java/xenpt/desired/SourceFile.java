package xenpt.desired;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import xenpt.diag.SourceLines;

/**
 * One desired-state file as bytes, from disk or from a git tree.
 *
 * @param name    the path shown in diagnostics, e.g. {@code desired-state/hosts.yaml}
 * @param content the file's bytes (copied; never modified)
 */
public record SourceFile(String name, byte[] content) {

    public SourceFile {
        Objects.requireNonNull(name, "name");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The source lines of these files, for printing diagnostics with their line. */
    public static SourceLines lines(List<SourceFile> files) {
        Map<String, String> texts = new HashMap<>();
        for (SourceFile f : files) texts.put(f.name, new String(f.content, StandardCharsets.UTF_8));
        return SourceLines.of(texts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFile f && f.name.equals(name) && Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "SourceFile[" + name + ", " + content.length + " bytes]";
    }
}
