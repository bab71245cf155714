package xenpt.desired.yaml;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import xenpt.diag.Diagnostic;
import xenpt.diag.Location;

/**
 * Reads one YAML document from bytes into a {@link YamlValue} tree, turning every problem into diagnostics. Limits:
 * {@value #MAX_FILE_BYTES} bytes, UTF-8 without control characters and lines of at most
 * {@value TextCheck#MAX_LINE_CHARS} characters ({@link TextCheck}), {@value #MAX_COLLECTION_ALIASES} aliases to
 * collections per document, a bounded alias expansion (see {@link NodeConverter#MAX_EXPANSION}), and the nesting,
 * value-length, merge-key and time limits of {@link GuardedComposer}, so hostile input fails fast, in bounded memory,
 * at a {@code file:line:col}.
 */
public final class YamlReader {

    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final int MAX_COLLECTION_ALIASES = 50;
    /** Composing a desired-state file takes milliseconds; past this, the input is built to be slow. */
    static final long MAX_PARSE_MILLIS = 5_000;

    /** The document, when it could be composed, and every problem found on the way. */
    public record Result(Optional<YamlValue> root, List<Diagnostic> diagnostics) {
        public Result {
            Objects.requireNonNull(root, "root");
            diagnostics = List.copyOf(diagnostics);
        }

        static Result failed(Diagnostic d) {
            return new Result(Optional.empty(), List.of(d));
        }
    }

    private YamlReader() {}

    public static Result read(String file, byte[] content) {
        return read(file, content, MAX_PARSE_MILLIS);
    }

    /** {@link #read(String, byte[])} with a time budget for composing the document. */
    static Result read(String file, byte[] content, long budgetMillis) {
        if (content.length > MAX_FILE_BYTES) {
            return Result.failed(tooLarge(file, content.length));
        }
        String text;
        try {
            text = TextCheck.decode(file, content);
        } catch (NodeConverter.Refused e) {
            return Result.failed(e.diagnostic);
        }
        try {
            return compose(file, text, budgetMillis);
        } catch (GuardedComposer.Stopped e) {
            return Result.failed(e.diagnostic);
        } catch (MarkedYamlEngineException e) {
            return Result.failed(syntaxError(file, e));
        } catch (YamlVersionException e) {
            return Result.failed(Diagnostic.error(directive(file, text), "unsupported YAML version "
                    + e.getSpecVersion().getRepresentation() + " in the %YAML directive; expected 1.2",
                    "remove the %YAML line (xenpt reads YAML 1.2) or write %YAML 1.2"));
        } catch (ReaderException e) {
            return Result.failed(Diagnostic.error(TextCheck.locate(file, text, text.offsetByCodePoints(0,
                    Math.min(e.getPosition(), text.codePointCount(0, text.length())))), "invalid YAML: " + e.getName()));
        } catch (YamlEngineException e) {
            return Result.failed(engineError(file, e));
        } catch (StackOverflowError e) {
            // Nesting is bounded by GuardedComposer; this remains as the last line of defence, without a position.
            return Result.failed(Diagnostic.error(Location.ofFile(file), "YAML values are nested too deeply",
                    "a desired-state file needs fewer than ten levels"));
        }
    }

    private static Result compose(String file, String text, long budgetMillis) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setSchema(new CoreSchema())
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setAllowRecursiveKeys(false)
                .setAllowNonScalarKeys(true) // refused by NodeConverter, which knows the key's position
                .setCodePointLimit((int) MAX_FILE_BYTES + 1)
                .setUseMarks(true)
                // The reader refills its window by this many characters and copies the window each time, so a
                // token costs (length / buffer) copies of itself: a buffer as large as the longest line keeps that
                // linear (TextCheck bounds the line).
                .setBufferSize(TextCheck.MAX_LINE_CHARS + 1)
                .build();
        Iterator<Node> documents = new GuardedComposer(settings, text, file, budgetMillis);
        if (!documents.hasNext()) return Result.failed(emptyFile(file));
        Node root = documents.next();
        if (documents.hasNext()) {
            Node second = documents.next();
            Location at = second.getStartMark().map(m -> location(file, m)).orElse(Location.ofFile(file));
            return Result.failed(Diagnostic.error(at, "a second YAML document starts here; expected one document per file",
                    "put each document in a file of its own"));
        }
        if (root instanceof ScalarNode s && s.getTag().equals(Tag.NULL) && s.getValue().isEmpty()) {
            return Result.failed(emptyFile(file));
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            YamlValue value = new NodeConverter(file, diagnostics).convertDocument(root);
            return new Result(Optional.of(value), diagnostics);
        } catch (NodeConverter.Refused e) {
            diagnostics.add(e.diagnostic);
            return new Result(Optional.empty(), diagnostics);
        }
    }

    /** The refusal of a file over {@link #MAX_FILE_BYTES}, at the whole file. */
    public static Diagnostic tooLarge(String file, long size) {
        return Diagnostic.error(Location.ofFile(file),
                "file is " + size + " bytes, larger than the limit of 10 MiB (" + MAX_FILE_BYTES + " bytes)",
                "split the desired state into several files in one directory");
    }

    private static Diagnostic emptyFile(String file) {
        return Diagnostic.error(Location.ofFile(file), "file is empty",
                "expected a desired-state document starting with 'version: 1'");
    }

    private static Diagnostic syntaxError(String file, MarkedYamlEngineException e) {
        Location at = e.getProblemMark().or(e::getContextMark).map(m -> location(file, m)).orElse(Location.ofFile(file));
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        String hint = null;
        if (e.getContext() != null) {
            hint = e.getContext() + e.getContextMark().map(m -> " started at " + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("");
        }
        if (problem.contains("\\t(TAB)")) {
            return Diagnostic.error(at, "invalid YAML: a tab character here", "YAML indents with spaces; tabs are not allowed");
        }
        return Diagnostic.error(at, "invalid YAML: " + problem.strip(), hint);
    }

    private static Diagnostic engineError(String file, YamlEngineException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.contains("Number of aliases")) {
            return Diagnostic.error(Location.ofFile(file),
                    "too many aliases: more than " + MAX_COLLECTION_ALIASES + " aliases to lists or mappings in one document",
                    "aliases are limited to stop 'billion laughs' expansion; shared ssh and policy settings belong in defaults");
        }
        return Diagnostic.error(Location.ofFile(file), "invalid YAML: " + message.strip());
    }

    private static Location location(String file, Mark m) {
        return new Location(file, m.getLine() + 1, m.getColumn() + 1);
    }

    /** Where the {@code %YAML} directive is written (its line, column 1), or the whole file if it cannot be found. */
    private static Location directive(String file, String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("%YAML")) return new Location(file, i + 1, 1);
        }
        return Location.ofFile(file);
    }
}
