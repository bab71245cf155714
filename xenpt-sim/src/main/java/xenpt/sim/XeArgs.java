package xenpt.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one xe call: {@code name=value} pairs split at the first {@code =} (xapi's {@code parse_params_2}),
 * in the order given, and {@code --flag} switches. The connection options of the client ({@code -s}, {@code -u}…)
 * are accepted and ignored: the simulated xe always talks to its own host.
 */
record XeArgs(Map<String, String> params, Set<String> flags) {

    private static final Set<String> CLIENT_OPTIONS = Set.of("-s", "-p", "-u", "-pw", "-pwf", "-h");

    /** Arguments that are not field filters of a {@code *-list} call. */
    private static final Set<String> NOT_FILTERS = Set.of("params", "database:", "server", "port", "username",
            "password", "passwordfile");

    XeArgs {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        flags = Set.copyOf(flags);
    }

    static XeArgs parse(List<String> args) {
        Map<String, String> params = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (CLIENT_OPTIONS.contains(a)) {
                i++;
            } else if (a.startsWith("--")) {
                flags.add(a.substring(2));
            } else if (a.indexOf('=') > 0) {
                params.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        return new XeArgs(params, flags);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(params.get(key));
    }

    boolean minimal() {
        return flags.contains("minimal");
    }

    /** The {@code field=value} / {@code map:key=value} filters of a list call. */
    Map<String, String> filters() {
        Map<String, String> out = new LinkedHashMap<>(params);
        out.keySet().removeAll(NOT_FILTERS);
        return out;
    }
}
