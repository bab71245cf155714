package xenpt.desired;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;
import xenpt.desired.yaml.YamlValue;
import xenpt.diag.Diagnostic;

/**
 * Checks a composed document against {@code schemas/desired-state.schema.json} (JSON Schema draft 7, everit), which
 * ships in the jar as {@value #RESOURCE}. Violations come back as diagnostics at the YAML positions.
 */
final class SchemaCheck {

    static final String RESOURCE = "/xenpt/schemas/desired-state.schema.json";

    private static final Schema SCHEMA = loadSchema();

    private SchemaCheck() {}

    static List<Diagnostic> check(YamlValue document) {
        YamlPaths paths = new YamlPaths(document);
        try {
            SCHEMA.validate(toJson(document, paths));
            return List.of();
        } catch (ValidationException e) {
            return new SchemaMessages(SCHEMA, paths).translate(e);
        }
    }

    /** The document as org.json data; the reader has bounded its expanded size. */
    private static Object toJson(YamlValue v, YamlPaths paths) {
        return switch (v) {
            case YamlValue.YMap m -> {
                JSONObject o = new JSONObject();
                m.entries().forEach((k, e) -> o.put(paths.aliasOf(k), toJson(e.value(), paths)));
                yield o;
            }
            case YamlValue.YSeq s -> {
                JSONArray a = new JSONArray();
                for (YamlValue item : s.items()) a.put(toJson(item, paths));
                yield a;
            }
            case YamlValue.YScalar s -> s.value() == null ? JSONObject.NULL : s.value();
        };
    }

    private static Schema loadSchema() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("schema resource " + RESOURCE + " is missing from the build");
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                JSONObject json = new JSONObject(new JSONTokener(r));
                return SchemaLoader.builder().draftV7Support().schemaJson(json).build().load().build();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + RESOURCE, e);
        }
    }
}
