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

    /** What the running version's {@code xenpt_version} value becomes in golden files, so they outlive releases. */
    static final String VERSION_PLACEHOLDER = "@XENPT_VERSION@";

    static void check(String name, String output) throws IOException {
        String actual = normalised(output);
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

    /** The output with the recorded version, {@code "xenpt_version": "0.2.0+1a2b3c4"}, replaced by the placeholder. */
    static String normalised(String output) {
        String quoted = "\"" + xenpt.build.XenptVersion.current().recorded() + "\"";
        return output.replace("\"xenpt_version\": " + quoted, "\"xenpt_version\": \"" + VERSION_PLACEHOLDER + "\"");
    }
}
