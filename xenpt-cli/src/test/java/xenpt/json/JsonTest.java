package xenpt.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void objectsKeepTheOrderOfAnOrderedMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1);
        m.put("a", List.of("x"));
        assertThat(Json.write(m)).isEqualTo("{\n  \"z\": 1,\n  \"a\": [\n    \"x\"\n  ]\n}");
        assertThat(Json.write(new TreeMap<>(m))).startsWith("{\n  \"a\"");
    }

    @Test
    void aMapWithoutAStableOrderIsRefusedSoThatOutputCannotChangeBetweenRuns() {
        assertThatThrownBy(() -> Json.write(Map.of("ref", "main", "commit", "abc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stable key order");
        assertThatThrownBy(() -> Json.write(List.of(new HashMap<>(Map.of("a", 1, "b", 2)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Json.write(Map.of("only", true))).isEqualTo("{\n  \"only\": true\n}");
    }

    @Test
    void stringsAreEscaped() {
        assertThat(Json.write("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"");
    }

    @Test
    void oneLineFormIsTheSameValuesWithoutLineBreaks() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "e-1");
        m.put("commit", java.util.Optional.empty());
        m.put("pid", 4242L);
        m.put("changes", List.of(Map.of("kind", "hide"), List.of()));
        m.put("empty", Map.of());
        assertThat(Json.line(m)).isEqualTo(
                "{\"id\": \"e-1\", \"commit\": null, \"pid\": 4242, \"changes\": [{\"kind\": \"hide\"}, []], \"empty\": {}}");
        assertThat(Json.line("a\nb")).isEqualTo("\"a\\nb\"");
    }

    @Test
    void parsedObjectsAnswerTypedValuesAndNameWhatIsMissingOrOfAnotherType() {
        JsonObject o = JsonObject.parse("{\"a\": \"x\", \"n\": 3, \"list\": [{\"b\": true}], \"nil\": null}");
        assertThat(o.string("a")).isEqualTo("x");
        assertThat(o.intValue("n")).isEqualTo(3);
        assertThat(o.objects("list").get(0).bool("b")).isTrue();
        assertThat(o.optionalString("nil")).isEmpty();
        assertThat(o.optionalString("absent")).isEmpty();
        assertThat(o.asText("n")).isEqualTo("3");
        assertThatThrownBy(() -> o.string("absent")).isInstanceOf(JsonException.class).hasMessageContaining("absent");
        assertThatThrownBy(() -> o.string("n")).isInstanceOf(JsonException.class).hasMessageContaining("\"n\"");
        assertThatThrownBy(() -> o.strings("list")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonObject.parse("[1]")).isInstanceOf(JsonException.class);
    }

    @Test
    void canonicalFormSortsKeysDropsOmittedTopKeysAndHasNoWhiteSpace() {
        JsonObject o = JsonObject.parse("{\"b\": [1, \"x\"], \"digest\": \"d\", \"a\": {\"z\": null, \"digest\": 2}}");
        assertThat(o.canonical(java.util.Set.of("digest"))).isEqualTo("{\"a\":{\"digest\":2,\"z\":null},\"b\":[1,\"x\"]}");
    }
}
