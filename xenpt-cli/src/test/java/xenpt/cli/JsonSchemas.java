package xenpt.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * The JSON contract's schemas ({@code schemas/NAME.schema.json} of the repository, which tests run in), loaded with
 * everit as draft 7. A schema's {@code $ref} to a sibling ({@code "plan.schema.json"}) resolves against its {@code $id}
 * (https://xenpt.dev/schemas/…) to the sibling file here: nothing is fetched over the network.
 */
public final class JsonSchemas {

    static final Path DIR = Path.of("schemas");

    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private JsonSchemas() {}

    /** The names of every schema in {@code schemas/}, e.g. {@code plan}, {@code drift-report}. */
    public static List<String> names() {
        try (var files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema file as JSON. */
    public static JSONObject json(String name) {
        return read(DIR.resolve(name + ".schema.json"));
    }

    static JSONObject read(Path file) {
        try {
            return new JSONObject(new JSONTokener(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks that {@code text} is exactly one JSON document (white space around it allowed) valid against schema
     * {@code name}. @throws AssertionError listing every violation with its JSON pointer, and the document
     */
    public static void validate(String name, String text, String what) {
        JSONTokener t = new JSONTokener(text);
        Object document;
        try {
            document = t.nextValue();
            if (t.nextClean() != 0) throw new AssertionError(what + ": more than one JSON document:\n" + text);
        } catch (org.json.JSONException e) {
            throw new AssertionError(what + ": not JSON (" + e.getMessage() + "):\n" + text, e);
        }
        try {
            schema(name).validate(document);
        } catch (ValidationException e) {
            throw new AssertionError(what + " breaks schemas/" + name + ".schema.json:\n  "
                    + String.join("\n  ", e.getAllMessages()) + "\n--- document\n" + text, e);
        }
    }

    static Schema schema(String name) {
        return LOADED.computeIfAbsent(name, JsonSchemas::load);
    }

    private static Schema load(String name) {
        SchemaLoader.SchemaLoaderBuilder b = SchemaLoader.builder().draftV7Support().schemaJson(json(name));
        // Siblings by their $id, so that a relative $ref never reaches for the network.
        Map<String, JSONObject> all = new TreeMap<>();
        for (String n : names()) all.put(n, json(n));
        all.values().forEach(s -> b.registerSchemaByURI(URI.create(s.getString("$id")), s));
        return b.build().load().build();
    }
}
