package xenpt.desired;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import xenpt.desired.yaml.YamlValue;
import xenpt.diag.Diagnostic;
import xenpt.json.ValidatorTree;

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
            SCHEMA.validate(ValidatorTree.of(plain(document, paths)));
            return List.of();
        } catch (ValidationException e) {
            return new SchemaMessages(SCHEMA, paths).translate(e);
        }
    }

    /** The document as plain maps, lists and scalars; the reader has bounded its expanded size. */
    private static Object plain(YamlValue v, YamlPaths paths) {
        return switch (v) {
            case YamlValue.YMap m -> {
                Map<String, Object> o = new LinkedHashMap<>();
                m.entries().forEach((k, e) -> o.put(paths.aliasOf(k), plain(e.value(), paths)));
                yield o;
            }
            case YamlValue.YSeq s -> {
                List<Object> a = new ArrayList<>();
                for (YamlValue item : s.items()) a.add(plain(item, paths));
                yield a;
            }
            case YamlValue.YScalar s -> s.value();
        };
    }

    private static Schema loadSchema() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("schema resource " + RESOURCE + " is missing from the build");
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                Object json = ValidatorTree.parse(r);
                return SchemaLoader.builder().draftV7Support().schemaJson(json).build().load().build();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + RESOURCE, e);
        }
    }
}
