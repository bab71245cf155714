package xenpt.desired.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import xenpt.desired.yaml.YamlValue.YMap;
import xenpt.desired.yaml.YamlValue.YScalar;
import xenpt.desired.yaml.YamlValue.YSeq;
import xenpt.diag.Location;

class YamlReaderTest {

    private static YamlReader.Result read(String text) {
        return YamlReader.read("f.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    private static YMap root(String text) {
        YamlReader.Result r = read(text);
        assertThat(r.diagnostics()).isEmpty();
        return (YMap) r.root().orElseThrow();
    }

    @Test
    void everyKeyAndValueKeepsItsLineAndColumn() {
        YMap m = root("a:\n  b: [x, 'y']\n");
        YamlValue.Entry a = m.entries().get("a");
        assertThat(a.keyLocation()).isEqualTo(new Location("f.yaml", 1, 1));
        YamlValue.Entry b = ((YMap) a.value()).entries().get("b");
        assertThat(b.keyLocation()).isEqualTo(new Location("f.yaml", 2, 3));
        YSeq seq = (YSeq) b.value();
        assertThat(seq.location()).isEqualTo(new Location("f.yaml", 2, 6));
        assertThat(seq.items()).extracting(YamlValue::location)
                .containsExactly(new Location("f.yaml", 2, 7), new Location("f.yaml", 2, 10));
    }

    @Test
    void scalarsAreTypedByTheYaml12CoreSchema() {
        YMap m = root("s: 01:03.0\ni: 22\nh: 0x1f\nb: True\nn: ~\nf: 1.5\nq: '22'\nbig: 123456789012345678901234\nyes: yes\n");
        assertThat(value(m, "s")).isEqualTo("01:03.0");
        assertThat(value(m, "i")).isEqualTo(22L);
        assertThat(value(m, "h")).isEqualTo(31L);
        assertThat(value(m, "b")).isEqualTo(true);
        assertThat(value(m, "n")).isNull();
        assertThat(value(m, "f")).isEqualTo(1.5);
        assertThat(value(m, "q")).isEqualTo("22");
        assertThat(value(m, "big")).isEqualTo(new BigInteger("123456789012345678901234"));
        assertThat(value(m, "yes")).as("YAML 1.1 booleans are plain strings in 1.2").isEqualTo("yes");
    }

    private static Object value(YMap m, String key) {
        return ((YScalar) m.get(key).orElseThrow()).value();
    }

    @Test
    void anAliasIsTheSameValueAsItsAnchor() {
        YMap m = root("a: &x {k: v}\nb: *x\n");
        assertThat(m.get("b").orElseThrow()).isSameAs(m.get("a").orElseThrow());
    }

    @Test
    void aliasBombFailsWithoutExpandingIt() {
        StringBuilder s = new StringBuilder("a0: &a0 [x, x, x]\n");
        for (int i = 1; i <= 16; i++) {
            s.append("a").append(i).append(": &a").append(i).append(" [");
            s.append(String.join(", ", java.util.Collections.nCopies(3, "*a" + (i - 1)))).append("]\n");
        }
        YamlReader.Result r = read(s.toString());
        assertThat(r.root()).isEmpty();
        assertThat(r.diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("billion laughs").contains("limit 100000"));
    }

    @Test
    void deepNestingIsRefusedNotCrashed() {
        YamlReader.Result r = read("[".repeat(100_000));
        assertThat(r.root()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.isError()).isTrue());
    }

    @Test
    void nonScalarKeysAreRefused() {
        YamlReader.Result r = read("d: e\n? [a, b]\n: c\n");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("a mapping key must be a plain value, not a list");
            assertThat(d.location()).isEqualTo(new Location("f.yaml", 2, 3));
        });
        assertThat(((YMap) r.root().orElseThrow()).entries()).containsOnlyKeys("d");
    }

    @Test
    void aLeadingByteOrderMarkIsIgnored() {
        assertThat(root("\uFEFFd: e\n").entries()).containsOnlyKeys("d");
    }

    @Test
    void composingPastTheTimeBudgetStopsAtAPosition() {
        YamlReader.Result r = YamlReader.read("f.yaml", "a: 1\nb: [2, 3]\n".getBytes(StandardCharsets.UTF_8), 0);
        assertThat(r.root()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.message()).startsWith("reading the YAML took longer than 0 ms");
            assertThat(d.location().line()).isPositive();
        });
    }
}
