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
}
