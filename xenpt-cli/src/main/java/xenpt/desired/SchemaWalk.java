package xenpt.desired;

import java.util.List;
import java.util.Optional;
import org.everit.json.schema.ArraySchema;
import org.everit.json.schema.CombinedSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.ReferenceSchema;
import org.everit.json.schema.Schema;
import xenpt.desired.yaml.YamlValue;

/**
 * Finds the object schema that applies to a mapping of the document. Everit does not reliably report it: when a
 * mapping has a single violation, the reported schema can be the enclosing one.
 */
final class SchemaWalk {

    private SchemaWalk() {}

    /** The object schema for the mapping at {@code keys}. */
    static Optional<ObjectSchema> objectAt(Schema root, YamlValue document, List<String> keys) {
        return at(root, document, keys).flatMap(s -> find(s, ObjectSchema.class));
    }

    /** The schema of the value at {@code keys}, walking the schema and the document side by side. */
    static Optional<Schema> at(Schema root, YamlValue document, List<String> keys) {
        Schema s = root;
        YamlValue v = document;
        for (String key : keys) {
            s = unwrap(s, v);
            if (s instanceof ObjectSchema o && v instanceof YamlValue.YMap m && m.get(key).isPresent()) {
                s = o.getPropertySchemas().getOrDefault(key, o.getSchemaOfAdditionalProperties());
                v = m.get(key).get();
            } else if (s instanceof ArraySchema a && v instanceof YamlValue.YSeq q) {
                s = a.getAllItemSchema();
                v = q.items().get(Integer.parseInt(key));
            } else {
                return Optional.empty();
            }
            if (s == null) return Optional.empty();
        }
        return Optional.of(unwrap(s, v));
    }

    /** {@code s} itself, or the first subschema of an {@code allOf} of the wanted kind. */
    static <T extends Schema> Optional<T> find(Schema s, Class<T> kind) {
        if (kind.isInstance(s)) return Optional.of(kind.cast(s));
        if (s instanceof CombinedSchema c && c.getCriterion() == CombinedSchema.ALL_CRITERION) {
            for (Schema sub : c.getSubschemas()) {
                Optional<T> found = find(sub, kind);
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    /** Looks through references, and picks the branch of a oneOf / anyOf that fits the value's kind. */
    private static Schema unwrap(Schema s, YamlValue v) {
        while (true) {
            if (s instanceof ReferenceSchema r) {
                s = r.getReferredSchema();
            } else if (s instanceof CombinedSchema c && c.getCriterion() != CombinedSchema.ALL_CRITERION) {
                Schema pick = c.getSubschemas().stream().filter(sub -> fits(sub, v)).findFirst().orElse(null);
                if (pick == null) return s;
                s = pick;
            } else {
                return s;
            }
        }
    }

    private static boolean fits(Schema s, YamlValue v) {
        if (s instanceof ReferenceSchema r) return fits(r.getReferredSchema(), v);
        return switch (v) {
            case YamlValue.YMap m -> s instanceof ObjectSchema;
            case YamlValue.YSeq q -> s instanceof ArraySchema;
            case YamlValue.YScalar x -> !(s instanceof ObjectSchema || s instanceof ArraySchema);
        };
    }
}
