package xenpt.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Reads scenario YAML (schema in {@code package-info.java}). The failsafe schema keeps every scalar a string, so ids
 * such as {@code 0300} or {@code 515e} are never turned into numbers.
 */
final class ScenarioLoader {

    private ScenarioLoader() {}

    /** The built-in scenario {@code name} (classpath {@code xenpt/sim/scenarios/<name>.yaml}) or a YAML file path. */
    static String text(String scenario) throws IOException {
        if (scenario.endsWith(".yaml") || scenario.endsWith(".yml")) {
            return Files.readString(Path.of(scenario), StandardCharsets.UTF_8);
        }
        String resource = "xenpt/sim/scenarios/" + scenario + ".yaml";
        try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null || !scenario.matches("[A-Za-z0-9._-]+")) {
                throw new IOException("unknown simulator scenario '" + scenario + "'");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Scenario parse(String name, String yaml) {
        LoadSettings settings = LoadSettings.builder().setSchema(new FailsafeSchema()).build();
        Map<String, Object> top = withBase(map(new Load(settings).loadFromString(yaml), "scenario"), 0);
        return new Scenario(
                name,
                str(top, "name-label", name),
                str(top, "address", "127.0.0.1"),
                str(top, "pool-uuid", ""),
                Long.parseLong(str(top, "reboot-delay-ms", "1000")),
                Boolean.parseBoolean(str(top, "xen-cmdline", "false")),
                Boolean.parseBoolean(str(top, "pci-api", "false")),
                Boolean.parseBoolean(str(top, "iommu", "true")),
                strings(top.get("inventory"), "inventory"),
                strings(top.get("software-version"), "software-version"),
                strings(top.get("files"), "files"),
                strings(top.get("links"), "links"),
                list(top.get("devices"), ScenarioLoader::device),
                list(top.get("nics"), m -> new Nic(str(m, "name", null), str(m, "pci", ""), str(m, "mac", ""),
                        Boolean.parseBoolean(str(m, "management", "false")), str(m, "ip", ""))),
                list(top.get("disks"), m -> new Disk(str(m, "name", null), str(m, "controller", null),
                        str(m, "path", ""), stringList(m.get("ids")), Integer.parseInt(str(m, "partitions", "0")))),
                list(top.get("vms"), ScenarioLoader::vm),
                strings(top.get("pool-other-config"), "pool-other-config"));
    }

    /**
     * A variant names its {@code base:} scenario (built-in name) and lists only the top-level keys it changes; each
     * replaces the base's key whole (a variant with other devices lists all of them).
     */
    private static Map<String, Object> withBase(Map<String, Object> top, int depth) {
        Object base = top.get("base");
        if (base == null) return top;
        if (!(base instanceof String name) || depth > 4) throw new IllegalArgumentException("bad base '" + base + "'");
        Map<String, Object> merged;
        try {
            LoadSettings settings = LoadSettings.builder().setSchema(new FailsafeSchema()).build();
            merged = new LinkedHashMap<>(withBase(map(new Load(settings).loadFromString(text(name)), name), depth + 1));
        } catch (IOException e) {
            throw new IllegalArgumentException("base " + name + ": " + e.getMessage(), e);
        }
        top.forEach((k, v) -> {
            if (!k.equals("base")) merged.put(k, v);
        });
        return merged;
    }

    private static PciDev device(Map<String, Object> m) {
        String[] cls = idName(str(m, "class", null));
        String[] vendor = idName(str(m, "vendor", null));
        String[] device = idName(str(m, "device", null));
        String[] sv = idName(str(m, "svendor", ""));
        String[] sd = idName(str(m, "sdevice", ""));
        String modules = str(m, "modules", "");
        return new PciDev(str(m, "slot", null), str(m, "bridge", ""), cls[0], cls[1], vendor[0], vendor[1],
                device[0], device[1], sv[0], sv[1], sd[0], sd[1], str(m, "rev", ""), str(m, "progif", ""),
                str(m, "driver", ""), modules.isBlank() ? List.of() : List.of(modules.trim().split("\\s*,\\s*")),
                str(m, "flr", ""));
    }

    private static VmSeed vm(Map<String, Object> m) {
        return new VmSeed(str(m, "uuid", null), str(m, "name-label", null), str(m, "name-description", ""),
                str(m, "power-state", "halted"), Long.parseLong(str(m, "memory-mib", "2048")),
                Integer.parseInt(str(m, "vcpus", "2")), str(m, "affinity", ""),
                strings(m.get("other-config"), "other-config"), str(m, "ha-restart-priority", ""),
                str(m, "clean-shutdown", "works").equals("hangs"),
                Boolean.parseBoolean(str(m, "pci-set-while-running", "false")));
    }

    /** {@code "1002 Advanced Micro Devices"} → {@code ["1002", "Advanced Micro Devices"]}; the name may be absent. */
    private static String[] idName(String text) {
        String t = text.trim();
        int sp = t.indexOf(' ');
        return sp < 0 ? new String[] {t.toLowerCase(), ""} : new String[] {t.substring(0, sp).toLowerCase(),
            t.substring(sp + 1).trim()};
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        if (!(o instanceof Map)) throw new IllegalArgumentException(what + " must be a mapping");
        return (Map<String, Object>) o;
    }

    private static String str(Map<String, Object> m, String key, String dflt) {
        Object v = m.get(key);
        if (v == null) {
            if (dflt == null) throw new IllegalArgumentException("missing '" + key + "' in " + m.keySet());
            return dflt;
        }
        if (!(v instanceof String s)) throw new IllegalArgumentException("'" + key + "' must be a scalar");
        return s;
    }

    private static Map<String, String> strings(Object o, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o == null) return out;
        map(o, what).forEach((k, v) -> out.put(k, v == null ? "" : v.toString()));
        return out;
    }

    private static List<String> stringList(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) l.forEach(x -> out.add(String.valueOf(x)));
        return out;
    }

    private static <T> List<T> list(Object o, Function<Map<String, Object>, T> f) {
        List<T> out = new ArrayList<>();
        if (o == null) return out;
        if (!(o instanceof List<?> l)) throw new IllegalArgumentException("expected a list");
        for (Object item : l) out.add(f.apply(map(item, "list item")));
        return out;
    }
}
