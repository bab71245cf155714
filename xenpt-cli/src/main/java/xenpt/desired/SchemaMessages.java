package xenpt.desired;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.everit.json.schema.CombinedSchema;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.NumberSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.ReferenceSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import xenpt.desired.yaml.YamlValue;
import xenpt.diag.Diagnostic;
import xenpt.diag.Secrets;

/**
 * Turns everit's violation tree into diagnostics that say what is wrong and what is expected, at the YAML position of
 * the offending key or value. Where one value has a wrong type, other complaints about that value are dropped.
 */
final class SchemaMessages {

    private static final Pattern TYPE = Pattern.compile("expected type: (\\w+), found: (\\w+)");

    private final Schema schema;
    private final YamlPaths paths;

    SchemaMessages(Schema schema, YamlPaths paths) {
        this.schema = schema;
        this.paths = paths;
    }

    /** One leaf violation; {@code expected} is set for type violations. */
    private record Violation(String pointer, String keyword, Schema schema, String message, Set<String> expected) {}

    List<Diagnostic> translate(ValidationException top) {
        List<Violation> leaves = new ArrayList<>();
        flatten(top, leaves);
        Set<String> mistyped = leaves.stream().filter(v -> "type".equals(v.keyword)).map(Violation::pointer)
                .collect(Collectors.toSet());
        Set<Diagnostic> out = new LinkedHashSet<>();
        for (Violation v : leaves) {
            if (!"type".equals(v.keyword) && mistyped.contains(v.pointer)) continue;
            out.addAll(diagnose(v));
        }
        return List.copyOf(out);
    }

    /**
     * Collects leaf violations. For a failed {@code oneOf}/{@code anyOf}, branches whose type does not match are
     * noise; when every branch failed on type, one violation names all the types that would do.
     */
    private static void flatten(ValidationException e, List<Violation> out) {
        List<ValidationException> causes = e.getCausingExceptions();
        if (causes.isEmpty()) {
            out.add(new Violation(e.getPointerToViolation(), e.getKeyword(), e.getViolatedSchema(), e.getErrorMessage(),
                    expectedTypes(e.getErrorMessage())));
            return;
        }
        if ("oneOf".equals(e.getKeyword()) || "anyOf".equals(e.getKeyword())) {
            List<ValidationException> relevant = causes.stream()
                    .filter(c -> !("type".equals(c.getKeyword()) && c.getPointerToViolation().equals(e.getPointerToViolation())))
                    .toList();
            if (relevant.isEmpty()) {
                Set<String> expected = new TreeSet<>();
                causes.forEach(c -> expected.addAll(expectedTypes(c.getErrorMessage())));
                out.add(new Violation(e.getPointerToViolation(), "type", e.getViolatedSchema(), e.getErrorMessage(), expected));
                return;
            }
            causes = relevant;
        }
        for (ValidationException c : causes) flatten(c, out);
    }

    private static Set<String> expectedTypes(String message) {
        Matcher m = TYPE.matcher(message);
        return m.find() ? Set.of(kind(m.group(1))) : Set.of();
    }

    private static String kind(String everitType) {
        return switch (everitType) {
            case "String" -> "a string";
            case "Integer" -> "an integer";
            case "Number" -> "a number";
            case "Boolean" -> "a boolean";
            case "JSONObject" -> "a mapping";
            case "JSONArray" -> "a list";
            default -> everitType.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private List<Diagnostic> diagnose(Violation v) {
        YamlPaths.Target t = paths.resolve(v.pointer);
        String keyword = v.keyword == null ? "" : v.keyword;
        return switch (keyword) {
            case "type" -> List.of(wrongType(t, v.expected));
            case "enum" -> List.of(notInEnum(t, schemaAt(t, v.schema)));
            case "minimum", "maximum" -> List.of(outOfRange(t, schemaAt(t, v.schema)));
            case "minLength" -> List.of(Diagnostic.error(t.value().location(), t.name() + " is empty",
                    "expected " + describe(schemaAt(t, v.schema), "a non-empty string")));
            case "required" -> missingKeys(t, objectSchema(t, v.schema));
            case "additionalProperties" -> unknownKeys(t, objectSchema(t, v.schema));
            default -> List.of(Diagnostic.error(t.value().location(), t.name() + ": " + v.message));
        };
    }

    private Schema objectSchema(YamlPaths.Target t, Schema reported) {
        return SchemaWalk.objectAt(schema, paths.root(), t.keys()).map(Schema.class::cast).orElse(reported);
    }

    /** The schema of the value itself (everit may report an enclosing one). */
    private Schema schemaAt(YamlPaths.Target t, Schema reported) {
        return SchemaWalk.at(schema, paths.root(), t.keys()).orElse(reported);
    }

    private static Diagnostic wrongType(YamlPaths.Target t, Set<String> expected) {
        String want = expected.isEmpty() ? "another type" : String.join(" or ", expected);
        String hint = t.value() instanceof YamlValue.YScalar s && s.value() == null
                ? "an empty value is null; write {} for an empty mapping, [] for an empty list, \"\" for an empty string"
                : null;
        return Diagnostic.error(t.value().location(), t.name() + " is " + t.value().kind() + "; expected " + want, hint);
    }

    private static Diagnostic notInEnum(YamlPaths.Target t, Schema schema) {
        List<String> allowed = SchemaWalk.find(schema, EnumSchema.class)
                .map(e -> e.getPossibleValuesAsList().stream().map(String::valueOf).toList())
                .orElse(List.of());
        String value = t.value() instanceof YamlValue.YScalar s ? s.text() : t.value().kind();
        if (t.path().equals("version")) {
            return Diagnostic.error(t.value().location(), "unsupported version " + value, "expected version: 1");
        }
        String hint = DidYouMean.hint(value, allowed).strip();
        return Diagnostic.error(t.value().location(),
                "invalid value '" + value + "' for " + t.name() + "; expected one of: " + String.join(", ", allowed),
                hint.isEmpty() ? null : hint);
    }

    private static Diagnostic outOfRange(YamlPaths.Target t, Schema schema) {
        String value = t.value() instanceof YamlValue.YScalar s ? s.text() : t.value().kind();
        String range = SchemaWalk.find(schema, NumberSchema.class).map(n -> n.getMinimum() + ".." + n.getMaximum())
                .orElse(describe(schema, "another value"));
        return Diagnostic.error(t.value().location(), t.name() + " is " + value + ", out of range; expected " + range);
    }

    private static List<Diagnostic> missingKeys(YamlPaths.Target t, Schema schema) {
        if (!(schema instanceof ObjectSchema o) || !(t.value() instanceof YamlValue.YMap m)) return List.of();
        List<Diagnostic> out = new ArrayList<>();
        for (String key : o.getRequiredProperties()) {
            if (m.entries().containsKey(key)) continue;
            String what = describe(o.getPropertySchemas().get(key), null);
            out.add(Diagnostic.error(t.keyOrValueLocation(), "missing key '" + key + "' " + t.where(),
                    what == null ? null : "expected " + key + ": " + what));
        }
        return out;
    }

    /** The hint for a secret written into the file; its value is masked wherever the source line is shown. */
    static final String NO_SECRETS = "never write a password or other secret in the file: put it in an environment "
            + "variable and name that variable in ssh.passwordEnv, e.g. passwordEnv: XENPT_SSH_PASSWORD";

    private static List<Diagnostic> unknownKeys(YamlPaths.Target t, Schema schema) {
        if (!(schema instanceof ObjectSchema o) || !(t.value() instanceof YamlValue.YMap m)) return List.of();
        Set<String> known = new TreeSet<>(o.getPropertySchemas().keySet());
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<String, YamlValue.Entry> e : m.entries().entrySet()) {
            if (known.contains(e.getKey())) continue;
            String hint = DidYouMean.hint(e.getKey(), known) + (Secrets.isSecretKey(e.getKey()) ? NO_SECRETS
                    : "expected one of: " + String.join(", ", known));
            out.add(Diagnostic.error(e.getValue().keyLocation(), "unknown key '" + e.getKey() + "' " + t.where(), hint));
        }
        return out;
    }

    /** The schema's description, looking through references and combinations; {@code fallback} when none. */
    private static String describe(Schema schema, String fallback) {
        if (schema == null) return fallback;
        if (schema.getDescription() != null) return schema.getDescription();
        if (schema instanceof ReferenceSchema r) return describe(r.getReferredSchema(), fallback);
        if (schema instanceof CombinedSchema c) {
            for (Schema sub : c.getSubschemas()) {
                String d = describe(sub, null);
                if (d != null) return d;
            }
        }
        return fallback;
    }
}
