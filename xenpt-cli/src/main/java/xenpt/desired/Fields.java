package xenpt.desired;

import java.util.Map;
import java.util.Optional;
import xenpt.desired.yaml.YamlValue.YMap;
import xenpt.desired.yaml.YamlValue.YScalar;
import xenpt.desired.yaml.YamlValue.YSeq;
import xenpt.diag.Location;

/**
 * Typed access to a document that has passed the schema. A key of the wrong type would be a schema violation, so here
 * it reads as absent rather than failing.
 */
final class Fields {

    private Fields() {}

    static YMap empty(String file) {
        return new YMap(Map.of(), Location.ofFile(file));
    }

    static Optional<YMap> map(YMap m, String key) {
        return m.get(key).filter(YMap.class::isInstance).map(YMap.class::cast);
    }

    static Optional<YSeq> list(YMap m, String key) {
        return m.get(key).filter(YSeq.class::isInstance).map(YSeq.class::cast);
    }

    static Optional<YScalar> scalar(YMap m, String key) {
        return m.get(key).filter(YScalar.class::isInstance).map(YScalar.class::cast)
                .filter(s -> s.value() != null);
    }

    static Optional<String> string(YMap m, String key) {
        return scalar(m, key).map(YScalar::text);
    }

    /** The host's own value of {@code key} when it has one, else the file's default. */
    static Optional<YScalar> merged(YMap own, YMap defaults, String key) {
        return scalar(own, key).or(() -> scalar(defaults, key));
    }
}
