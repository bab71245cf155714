package xenpt.observed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Verbatim host outputs under {@code src/test/resources/observed/}. */
final class Samples {

    private Samples() {}

    static String read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/observed/" + name)) {
            if (in == null) throw new IllegalArgumentException("no sample " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
