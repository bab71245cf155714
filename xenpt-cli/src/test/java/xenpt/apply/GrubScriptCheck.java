package xenpt.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs GRUB's own syntax checker, {@code grub-script-check} (Debian package grub-common, installed by {@code .ci/run}),
 * on a boot file's content. Without it the test fails, unless {@code XENPT_ALLOW_NO_GRUB_CHECK} is set (then it is
 * skipped): a grub.cfg that GRUB cannot parse must never pass unnoticed in CI.
 */
final class GrubScriptCheck {

    static final String TOOL = "grub-script-check";

    private GrubScriptCheck() {}

    static void assertParses(String content, Path dir) throws Exception {
        Optional<Path> tool = find();
        if (tool.isEmpty()) {
            Assumptions.assumeTrue(System.getenv("XENPT_ALLOW_NO_GRUB_CHECK") == null,
                    TOOL + " is not installed; skipped because XENPT_ALLOW_NO_GRUB_CHECK is set");
            throw new AssertionError(TOOL + " is not installed: install Debian's grub-common (apt-get install -y"
                    + " grub-common, as .ci/run does) or set XENPT_ALLOW_NO_GRUB_CHECK=1 to skip this check");
        }
        Path file = Files.createTempFile(dir, "grub", ".cfg");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(tool.get().toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s on:%n%s%n%s", TOOL, content, out).isZero();
    }

    private static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/usr/sbin";
        return Arrays.stream(path.split(File.pathSeparator)).filter(d -> !d.isEmpty()).map(d -> Path.of(d, TOOL))
                .filter(Files::isExecutable).findFirst();
    }
}
