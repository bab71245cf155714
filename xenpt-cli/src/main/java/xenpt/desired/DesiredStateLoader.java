package xenpt.desired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xenpt.desired.yaml.YamlReader;
import xenpt.desired.yaml.YamlValue;
import xenpt.desired.yaml.YamlValue.YMap;
import xenpt.diag.Diagnostic;

/**
 * Loads and validates the desired state, in stages per file: YAML (with limits), version, schema, then the semantic
 * checks; a file's semantic checks run only when its schema check passed. Across files: host names are unique. Every
 * problem of every file is reported together; the state exists only when there is no error.
 */
public final class DesiredStateLoader {

    private DesiredStateLoader() {}

    /** Loads {@code -f PATH}: one file, or every {@code *.yaml}/{@code *.yml} directly in a directory. */
    public static LoadResult load(Path fileOrDirectory) {
        SourceFiles.Read read = SourceFiles.read(fileOrDirectory);
        LoadResult loaded = load(read.files());
        if (read.diagnostics().isEmpty()) return loaded;
        List<Diagnostic> all = new ArrayList<>(read.diagnostics());
        all.addAll(loaded.diagnostics().stream()
                .filter(d -> !(read.files().isEmpty() && d.location() == null)) // "no files" is already said
                .toList());
        return new LoadResult(Optional.empty(), all);
    }

    /** Loads files already in memory (e.g. read from a git tree); names are shown in diagnostics. */
    public static LoadResult load(List<SourceFile> files) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (files.isEmpty()) {
            diagnostics.add(Diagnostic.error(null, "no desired-state files", "expected at least one *.yaml file"));
        }
        Map<String, HostSpec> hosts = new LinkedHashMap<>();
        for (SourceFile f : files) {
            for (HostSpec h : loadFile(f, diagnostics)) {
                HostSpec first = hosts.putIfAbsent(h.name(), h);
                if (first != null) {
                    diagnostics.add(Diagnostic.error(h.location(), "host '" + h.name() + "' is defined twice",
                            "it is first defined at " + first.location() + "; host names are unique across all files"));
                }
            }
        }
        List<Diagnostic> unique = diagnostics.stream().distinct().toList();
        boolean ok = unique.stream().noneMatch(Diagnostic::isError);
        Optional<DesiredState> state = ok
                ? Optional.of(new DesiredState(List.copyOf(hosts.values()), digest(files), Optional.empty()))
                : Optional.empty();
        return new LoadResult(state, unique);
    }

    private static List<HostSpec> loadFile(SourceFile f, List<Diagnostic> diagnostics) {
        YamlReader.Result yaml = YamlReader.read(f.name(), f.content());
        diagnostics.addAll(yaml.diagnostics());
        if (yaml.root().isEmpty()) return List.of();
        YamlValue root = yaml.root().get();
        Optional<Diagnostic> version = unsupportedVersion(root);
        if (version.isPresent()) {
            diagnostics.add(version.get());
            return List.of();
        }
        List<Diagnostic> schema = SchemaCheck.check(root);
        diagnostics.addAll(schema);
        if (!schema.isEmpty() || yaml.diagnostics().stream().anyMatch(Diagnostic::isError)) return List.of();
        return DocumentReader.read(f.name(), (YMap) root, diagnostics);
    }

    /**
     * An integer {@code version} other than 1 is checked before the schema: a newer format's keys would otherwise
     * show up as a flood of unknown-key errors.
     */
    private static Optional<Diagnostic> unsupportedVersion(YamlValue root) {
        if (!(root instanceof YMap m)) return Optional.empty();
        return Fields.scalar(m, "version")
                .filter(v -> v.value() instanceof Number n && !(v.value() instanceof Double) && !n.toString().equals("1"))
                .map(v -> Diagnostic.error(v.location(), "unsupported version " + v.text(),
                        "this xenpt reads version 1; expected version: 1"));
    }

    /**
     * SHA-256 over each file's name, a NUL, its length in decimal, a NUL, and its bytes, in the given order. The name
     * is the file's own (no directory, no {@code @commit}), so that {@code -f desired-state/} and {@code -f
     * ./desired-state} (or the same files from another directory, or at a git ref) give the same digest, as a saved
     * plan's {@code -f} check needs.
     */
    static String digest(List<SourceFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (SourceFile f : files) {
                byte[] content = f.content();
                sha.update(baseName(f.name()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Long.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(content);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String baseName(String shown) {
        String name = shown.substring(Math.max(shown.lastIndexOf('/'), shown.lastIndexOf('\\')) + 1);
        return name.replaceFirst("@[0-9a-f]+$", "");
    }
}
