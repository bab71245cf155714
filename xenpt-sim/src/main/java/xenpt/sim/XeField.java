package xenpt.sim;

import java.util.Map;
import java.util.function.Function;

/**
 * One field of an xe record: its name, the access suffix xe appends to the label ({@code " ( RO)"},
 * {@code " (MRW)"}…), and how to get its printed value (and, for maps, the map itself).
 */
record XeField<T>(String name, String suffix, Function<T, String> get, Function<T, Map<String, String>> map) {

    static final String RO = " ( RO)";
    static final String RW = " ( RW)";
    static final String MRO = " (MRO)";
    static final String MRW = " (MRW)";
    static final String SRO = " (SRO)";
    static final String SRW = " (SRW)";

    static <T> XeField<T> of(String name, String suffix, Function<T, String> get) {
        return new XeField<>(name, suffix, get, null);
    }

    static <T> XeField<T> ofMap(String name, String suffix, Function<T, Map<String, String>> map) {
        return new XeField<>(name, suffix, t -> XeFormat.map(map.apply(t)), map);
    }

    String label() {
        return name + suffix;
    }

    boolean isMap() {
        return map != null;
    }
}
