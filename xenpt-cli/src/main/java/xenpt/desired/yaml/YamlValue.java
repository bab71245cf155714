package xenpt.desired.yaml;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import xenpt.diag.Location;

/**
 * A composed YAML value with its source position. A value reached through an alias is the same instance as its
 * anchor, so the tree is a DAG whose expanded size the reader has already bounded.
 */
public sealed interface YamlValue {

    /** Where the value starts (for a mapping or list, its first token). */
    Location location();

    /** The value's kind for messages: "a mapping", "a list", "a string", "an integer", "a number", "a boolean", "null". */
    String kind();

    /** A mapping with string keys in source order. */
    record YMap(Map<String, Entry> entries, Location location) implements YamlValue {
        public YMap {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            Objects.requireNonNull(location, "location");
        }

        public Optional<YamlValue> get(String key) {
            return Optional.ofNullable(entries.get(key)).map(Entry::value);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One key of a mapping: where the key is written, and its value. */
    record Entry(Location keyLocation, YamlValue value) {
        public Entry {
            Objects.requireNonNull(keyLocation, "keyLocation");
            Objects.requireNonNull(value, "value");
        }
    }

    record YSeq(List<YamlValue> items, Location location) implements YamlValue {
        public YSeq {
            items = List.copyOf(items);
            Objects.requireNonNull(location, "location");
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar, typed by the YAML 1.2 core schema.
     *
     * @param value a {@code String}, {@code Long}, {@code BigInteger}, {@code Double}, {@code Boolean}, or {@code null}
     */
    record YScalar(Object value, Location location) implements YamlValue {
        public YScalar {
            Objects.requireNonNull(location, "location");
            if (value != null && !(value instanceof String || value instanceof Long || value instanceof BigInteger
                    || value instanceof Double || value instanceof Boolean)) {
                throw new IllegalArgumentException("not a scalar value: " + value.getClass());
            }
        }

        @Override
        public String kind() {
            if (value == null) return "null";
            return switch (value) {
                case String s -> "a string";
                case Long l -> "an integer";
                case BigInteger b -> "an integer";
                case Double d -> "a number";
                case Boolean b -> "a boolean";
                default -> throw new IllegalStateException(value.getClass().toString());
            };
        }

        /** The value as the user would write it, for messages. */
        public String text() {
            return String.valueOf(value);
        }
    }
}
