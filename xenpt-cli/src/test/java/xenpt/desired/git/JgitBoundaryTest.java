package xenpt.desired.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** jgit stays behind {@code xenpt.desired.git} (STYLE.md: each third-party library sits behind one package). */
class JgitBoundaryTest {

    @Test
    void onlyDesiredGitMentionsJgit() throws IOException {
        Path main = Path.of(System.getProperty("basedir", "."), "src", "main", "java");
        Path git = main.resolve("xenpt/desired/git");
        List<String> offenders;
        try (Stream<Path> s = Files.walk(main)) {
            offenders = s.filter(p -> p.toString().endsWith(".java") && !p.startsWith(git))
                    .filter(p -> read(p).contains("org.eclipse.jgit"))
                    .map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
        assertThat(read(git.resolve("GitTree.java"))).contains("org.eclipse.jgit");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
