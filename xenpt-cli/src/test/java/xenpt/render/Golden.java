package xenpt.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/render/}. Run with {@code -Dxenpt.updateGolden=true} to rewrite them
 * from the current output (then review the diff); otherwise the output must equal the file byte for byte.
 */
final class Golden {

    private Golden() {}

    static void check(String name, String actual) throws IOException {
        if (Boolean.getBoolean("xenpt.updateGolden")) {
            // the build runs from the module root; the source tree is the one to update
            Path file = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "render", name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = Golden.class.getResourceAsStream("/render/" + name)) {
            assertThat(in).as("golden file render/%s (create it with -Dxenpt.updateGolden=true)", name).isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(actual).as("output differs from golden file render/" + name
                    + " (regenerate with -Dxenpt.updateGolden=true if the change is intended)").isEqualTo(expected);
        }
    }
}
