package xenpt.desired;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import xenpt.desired.yaml.YamlValue;
import xenpt.diag.Location;

/**
 * Maps everit's JSON pointers back to YAML values and their positions, and names them for messages as
 * {@code hosts.wintermute.vms."Windows Server 2012 R2".pci[0]}.
 *
 * <p>Everit escapes a pointer segment once per nesting level, so a key containing {@code /} or {@code ~} could not be
 * found again from its pointer. Such keys are replaced by an alias in the JSON handed to everit (see
 * {@link #aliasOf}); no schema property contains those characters, so validation is unaffected.
 */
final class YamlPaths {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final YamlValue root;
    private final Map<String, String> keyOfAlias = new HashMap<>();
    private final Map<String, String> aliasOfKey = new HashMap<>();

    YamlValue root() {
        return root;
    }

    YamlPaths(YamlValue root) {
        this.root = root;
    }

    /** A value found from a pointer: the value, where its key is written (null for list items), its display path. */
    record Target(YamlValue value, Location keyLocation, String path, List<String> keys) {
        Location keyOrValueLocation() {
            return keyLocation != null ? keyLocation : value.location();
        }

        /** "in hosts.x" or "at the top level". */
        String where() {
            return path.isEmpty() ? "at the top level" : "in " + path;
        }

        /** "hosts.x" or "the document". */
        String name() {
            return path.isEmpty() ? "the document" : path;
        }
    }

    String aliasOf(String key) {
        if (key.indexOf('/') < 0 && key.indexOf('~') < 0) return key;
        return aliasOfKey.computeIfAbsent(key, k -> {
            String alias = "\u0001key" + aliasOfKey.size();
            keyOfAlias.put(alias, k);
            return alias;
        });
    }

    /** Resolves a pointer such as {@code #/hosts/a/hide/0}; stops at the deepest value that exists. */
    Target resolve(String pointer) {
        YamlValue v = root;
        Location keyLocation = null;
        StringBuilder path = new StringBuilder();
        List<String> keys = new ArrayList<>();
        for (String raw : segments(pointer)) {
            String seg = keyOfAlias.getOrDefault(raw, raw);
            if (v instanceof YamlValue.YMap m && m.entries().containsKey(seg)) {
                YamlValue.Entry e = m.entries().get(seg);
                if (!path.isEmpty()) path.append('.');
                path.append(displayKey(seg));
                keyLocation = e.keyLocation();
                v = e.value();
                keys.add(seg);
            } else if (v instanceof YamlValue.YSeq s && isIndex(seg, s.items().size())) {
                path.append('[').append(seg).append(']');
                keyLocation = null;
                v = s.items().get(Integer.parseInt(seg));
                keys.add(seg);
            } else {
                break;
            }
        }
        return new Target(v, keyLocation, path.toString(), List.copyOf(keys));
    }

    static String displayKey(String key) {
        return PLAIN_KEY.matcher(key).matches() ? key : '"' + key.replace("\"", "\\\"") + '"';
    }

    private static List<String> segments(String pointer) {
        String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
        List<String> out = new ArrayList<>();
        if (p.isEmpty()) return out;
        for (String s : p.substring(1).split("/", -1)) out.add(s.replace("~1", "/").replace("~0", "~"));
        return out;
    }

    private static boolean isIndex(String seg, int size) {
        if (seg.isEmpty() || seg.length() > 9 || !seg.chars().allMatch(Character::isDigit)) return false;
        return Integer.parseInt(seg) < size;
    }
}
