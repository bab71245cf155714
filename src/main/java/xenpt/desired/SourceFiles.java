package xenpt.desired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import xenpt.desired.yaml.YamlReader;
import xenpt.diag.Diagnostic;
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
        } else if (Files.exists(fileOrDirectory)) {
            readOne(fileOrDirectory, files, diagnostics);
        } else {
            diagnostics.add(Diagnostic.error(Location.ofFile(shown), "no such file or directory",
                    "-f names a desired-state file or a directory of *.yaml files (default: desired-state/)"));
        }
        return new Read(files, diagnostics);
    }

    private static List<Path> yamlFiles(Path dir, List<Diagnostic> diagnostics) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> isYaml(p.getFileName().toString()) && Files.isRegularFile(p))
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

    private static void readOne(Path p, List<SourceFile> files, List<Diagnostic> diagnostics) {
        String shown = p.toString();
        try {
            long size = Files.size(p);
            if (size > YamlReader.MAX_FILE_BYTES) {
                diagnostics.add(YamlReader.tooLarge(shown, size));
                return;
            }
            files.add(new SourceFile(shown, Files.readAllBytes(p)));
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(Location.ofFile(shown), "cannot read file: " + e.getMessage()));
        }
    }
}
