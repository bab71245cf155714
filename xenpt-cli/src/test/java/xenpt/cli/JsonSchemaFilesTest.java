package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The schema files themselves: each is a valid draft-7 document (checked against the draft-07 meta-schema, a copy of
 * json-schema.org's under src/test/resources/json-schema), describes every key, and closes every object it lists the
 * keys of, so that an output key missing from the schema fails the tests.
 */
class JsonSchemaFilesTest {

    static final java.util.Set<String> CONDITIONAL = java.util.Set.of("if", "then", "else");

    static final List<String> CONTRACT = List.of("apply-report", "doctor", "drift-report", "inspect", "plan", "review", "validate");

    @Test
    void theContractHasItsSchemasAndEachIsAValidDraft7Document() {
        assertThat(JsonSchemas.names()).containsAll(CONTRACT).contains("desired-state");
        JSONObject meta = JsonSchemas.read(Path.of("xenpt-cli/src/test/resources/json-schema/draft-07.schema.json"));
        Schema draft7 = SchemaLoader.builder().draftV7Support().schemaJson(meta).build().load().build();
        for (String name : JsonSchemas.names()) {
            JSONObject schema = JsonSchemas.json(name);
            try {
                draft7.validate(schema);
            } catch (ValidationException e) {
                throw new AssertionError(name + ": " + e.getAllMessages(), e);
            }
            assertThat(schema.getString("$schema")).isEqualTo("http://json-schema.org/draft-07/schema#");
            assertThat(schema.getString("$id")).isEqualTo("https://xenpt.dev/schemas/" + name + ".schema.json");
            assertThat(JsonSchemas.schema(name)).as(name + " loads with everit").isNotNull();
        }
    }

    /** A closed set in Java and its enum in a schema name the same words, so a new kind cannot miss the schema. */
    @Test
    void theSchemasEnumsAreTheJavaEnumsWords() {
        assertThat(enumWith("plan", "pending-reboot"))
                .containsExactlyInAnyOrderElementsOf(words(xenpt.plan.Status.Kind.values(), xenpt.plan.Status.Kind::word));
        assertThat(enumWith("drift-report", "boot-config")).containsExactlyInAnyOrderElementsOf(
                words(xenpt.plan.DriftReport.Category.values(), xenpt.plan.DriftReport.Category::word));
        assertThat(enumWith("doctor", "iommu-disabled")).containsExactlyInAnyOrderElementsOf(
                words(xenpt.plan.DoctorReport.Kind.values(), xenpt.plan.DoctorReport.Kind::word));
    }

    private static <E> List<String> words(E[] values, java.util.function.Function<E, String> word) {
        return java.util.Arrays.stream(values).map(word).toList();
    }

    /** The first {@code enum} array in a schema that holds {@code word}. */
    private static List<String> enumWith(String schema, String word) {
        java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>(List.of(JsonSchemas.json(schema)));
        while (!todo.isEmpty()) {
            Object node = todo.pop();
            if (node instanceof JSONObject o) {
                JSONArray e = o.optJSONArray("enum");
                if (e != null && e.toList().contains(word)) return e.toList().stream().map(String::valueOf).toList();
                o.keySet().forEach(k -> todo.push(o.get(k)));
            } else if (node instanceof JSONArray a) {
                a.forEach(todo::push);
            }
        }
        throw new AssertionError(schema + " has no enum with " + word);
    }

    @Test
    void theMetaSchemaCheckCatchesABrokenSchema() {
        JSONObject meta = JsonSchemas.read(Path.of("xenpt-cli/src/test/resources/json-schema/draft-07.schema.json"));
        Schema draft7 = SchemaLoader.builder().draftV7Support().schemaJson(meta).build().load().build();
        JSONObject broken = JsonSchemas.json("plan");
        broken.getJSONObject("properties").getJSONObject("failed").put("type", "bool");
        org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class, () -> draft7.validate(broken));
    }

    @Test
    void everyKeyIsDescribedAndEveryObjectWithListedKeysIsClosed() {
        List<String> problems = new ArrayList<>();
        for (String name : CONTRACT) walk(JsonSchemas.json(name), name + ":#", problems);
        assertThat(problems).isEmpty();
    }

    private static void walk(Object node, String at, List<String> problems) {
        if (node instanceof JSONArray a) {
            for (int i = 0; i < a.length(); i++) walk(a.get(i), at + "/" + i, problems);
            return;
        }
        if (!(node instanceof JSONObject o)) return;
        if (o.has("properties")) {
            if (!o.has("additionalProperties")) problems.add(at + ": lists its keys but does not say additionalProperties");
            JSONObject props = o.getJSONObject("properties");
            for (String key : props.keySet()) {
                JSONObject p = props.getJSONObject(key);
                if (!p.has("description") && !p.has("$ref")) problems.add(at + "/properties/" + key + ": no description");
            }
        }
        if (o.has("definitions")) {
            JSONObject defs = o.getJSONObject("definitions");
            for (String key : defs.keySet()) {
                if (!defs.getJSONObject(key).has("description")) problems.add(at + "/definitions/" + key + ": no description");
            }
        }
        for (String key : o.keySet()) {
            // if/then/else narrow keys declared (and described) elsewhere; they declare none of their own
            if (!CONDITIONAL.contains(key)) walk(o.get(key), at + "/" + key, problems);
        }
    }
}
