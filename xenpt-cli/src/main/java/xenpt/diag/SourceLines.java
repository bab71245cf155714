package xenpt.diag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks up the text of a source line, so a diagnostic can be shown with its line and a caret. */
@FunctionalInterface
public interface SourceLines {

    /** Files larger than this are not read for display. */
    long MAX_DISPLAY_BYTES = 10L * 1024 * 1024;

    /**
     * @param line 1-based
     * @return the line without its line break, or empty when the file or line is unknown
     */
    Optional<String> line(String file, int line);

    /** No source available: diagnostics print without a source line. */
    static SourceLines none() {
        return (file, line) -> Optional.empty();
    }

    /**
     * Lines of in-memory texts, keyed by the file name used in diagnostics, with the values of secret-looking keys
     * masked (see {@link Secrets}): no source line xenpt prints shows a password.
     */
    static SourceLines of(Map<String, String> texts) {
        Map<String, List<String>> lines = new HashMap<>();
        return (file, line) -> {
            String text = texts.get(file);
            if (text == null) return Optional.empty();
            List<String> all = lines.computeIfAbsent(file, f -> Secrets.mask(text.lines().toList()));
            return line >= 1 && line <= all.size() ? Optional.of(all.get(line - 1)) : Optional.empty();
        };
    }

    /** Lines read from disk on first use, where the diagnostic's file name is a path; unreadable files give none. */
    static SourceLines fromDisk() {
        Map<String, String> texts = new HashMap<>();
        SourceLines cached = of(texts);
        return (file, line) -> {
            if (!texts.containsKey(file)) texts.put(file, read(file));
            return texts.get(file) == null ? Optional.empty() : cached.line(file, line);
        };
    }

    private static String read(String file) {
        try {
            Path p = Path.of(file);
            if (LocalFiles.notRegular(p).isPresent() || Files.size(p) > MAX_DISPLAY_BYTES) return null;
            return new String(LocalFiles.readAtMost(p, MAX_DISPLAY_BYTES), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
