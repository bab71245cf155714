package xenpt.desired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import xenpt.desired.yaml.YamlReader;
import xenpt.diag.Diagnostic;
import xenpt.diag.LocalFiles;
import xenpt.diag.Location;

/**
 * Reads the desired-state files that {@code -f PATH} names: the file itself, or every {@code *.yaml} / {@code *.yml}
 * directly in the directory (not recursive), sorted by name. A file over the size limit is refused without being read.
 */
public final class SourceFiles {

    /** What was read, and what could not be. */
    public record Read(List<SourceFile> files, List<Diagnostic> diagnostics) {
        public Read {
            files = List.copyOf(files);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private SourceFiles() {}

    public static Read read(Path fileOrDirectory) {
        List<SourceFile> files = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        String shown = fileOrDirectory.toString();
        if (Files.isDirectory(fileOrDirectory)) {
            List<Path> paths = yamlFiles(fileOrDirectory, diagnostics);
            if (paths.isEmpty() && diagnostics.isEmpty()) {
                diagnostics.add(Diagnostic.error(Location.ofFile(shown), "no *.yaml or *.yml files in directory " + shown,
                        "-f names a desired-state file or a directory of them"));
            }
            for (Path p : paths) readOne(p, files, diagnostics);
        } else if (Files.exists(fileOrDirectory, LinkOption.NOFOLLOW_LINKS)) {
            readOne(fileOrDirectory, files, diagnostics);
        } else {
            diagnostics.add(Diagnostic.error(Location.ofFile(shown), "no such file or directory",
                    "-f names a desired-state file or a directory of *.yaml files (default: desired-state/)"));
        }
        return new Read(files, diagnostics);
    }

    /**
     * Every {@code *.yaml}/{@code *.yml} entry, whatever it is: an entry that is not a readable regular file (a dangling
     * link, a link loop, a FIFO, a directory) is reported when it is read, not skipped, or its hosts would silently
     * vanish from plan and drift.
     */
    private static List<Path> yamlFiles(Path dir, List<Diagnostic> diagnostics) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> isYaml(p.getFileName().toString()))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(Location.ofFile(dir.toString()), "cannot list directory: " + e.getMessage()));
            return List.of();
        }
    }

    private static boolean isYaml(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /**
     * Reads a regular file (through links), at most {@link YamlReader#MAX_FILE_BYTES} + 1 bytes whatever its size
     * claims; anything else is refused before it is opened, so a FIFO cannot block and a device cannot fill memory.
     */
    private static void readOne(Path p, List<SourceFile> files, List<Diagnostic> diagnostics) {
        String shown = p.toString();
        Optional<String> notRegular = LocalFiles.notRegular(p);
        if (notRegular.isPresent()) {
            diagnostics.add(Diagnostic.error(Location.ofFile(shown), "not a regular file: " + notRegular.get(),
                    "a desired-state file must be a regular file (or a link to one); fix or remove this entry"));
            return;
        }
        try {
            byte[] content = LocalFiles.readAtMost(p, YamlReader.MAX_FILE_BYTES + 1);
            if (content.length > YamlReader.MAX_FILE_BYTES) {
                diagnostics.add(YamlReader.tooLarge(shown, Math.max(Files.size(p), content.length)));
                return;
            }
            files.add(new SourceFile(shown, content));
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(Location.ofFile(shown), "cannot read file: " + e.getMessage()));
        }
    }
}
