package xenpt.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Derives the hosts of a simulated fleet from one base scenario, deterministically: host {@code i} gets its own
 * uuids, the base hardware padded with generated devices to {@link #DEVICES} functions (GPU, audio, NIC and USB
 * functions on buses 40 and up), the base VMs padded with generated ones to {@link #VMS}, and a boot configuration
 * that already hides {@link #HIDDEN} for the first generated VM. One host in {@link #CHANGE_EVERY} is wanted with
 * one more device ({@link #EXTRA}), starting with {@code host-0002}, so a plan over the fleet has
 * changes on those hosts only.
 */
final class FleetScenarios {

    static final int DEVICES = 30;
    static final int VMS = 20;
    static final int CHANGE_EVERY = 5;
    static final String HIDDEN = "0000:40:00.0";
    static final String EXTRA = "0000:41:00.0";

    /** What the desired state says about one generated host. @param vmName the VM that holds the hidden devices */
    record Wanted(String vmName, String vmUuid, List<String> devices) {}

    private final String base;
    private final Map<String, Object> baseYaml;

    private FleetScenarios(String base, Map<String, Object> baseYaml) {
        this.base = base;
        this.baseYaml = baseYaml;
    }

    /** @param scenario a built-in scenario name or a scenario {@code .yaml} file */
    static FleetScenarios of(String scenario) throws IOException {
        LoadSettings settings = LoadSettings.builder().setSchema(new FailsafeSchema()).build();
        Object top = new Load(settings).loadFromString(ScenarioLoader.text(scenario));
        if (!(top instanceof Map<?, ?>)) throw new IOException("scenario " + scenario + " is not a mapping");
        return new FleetScenarios(scenario, deepCopy(top));
    }

    static String hostName(int i) {
        return String.format("host-%04d", i);
    }

    /** The scenario YAML of host {@code i} (1-based). */
    String scenarioYaml(int i) {
        Map<String, Object> y = deepCopy(baseYaml);
        String host = hostName(i);
        y.put("name-label", host);
        y.put("address", "127.0.0.1");
        y.put("pool-uuid", uuid(host, "pool"));
        Map<String, Object> inv = map(y.get("inventory"));
        inv.put("INSTALLATION_UUID", uuid(host, "host"));
        inv.put("CONTROL_DOMAIN_UUID", uuid(host, "dom0"));
        y.put("devices", devices(list(y.get("devices"))));
        y.put("vms", vms(list(y.get("vms")), host));
        Map<String, Object> files = map(y.get("files"));
        files.replaceAll((path, content) -> path.startsWith("/boot/") ? hide(content.toString(), HIDDEN) : content);
        return new Dump(DumpSettings.builder().build()).dumpToString(y);
    }

    /** The desired assignment of host {@code i}: the first generated VM holds the hidden device (and one more on changed hosts). */
    Wanted wanted(int i) {
        int first = list(baseYaml.get("vms")).size() + 1;
        String vm = String.format("vm-%02d", first);
        List<String> devices = i % CHANGE_EVERY == 2 ? List.of(HIDDEN, EXTRA) : List.of(HIDDEN);
        return new Wanted(vm, uuid(hostName(i), vm), devices);
    }

    private static List<Object> devices(List<Object> baseDevices) {
        List<Object> out = new ArrayList<>(baseDevices);
        String[][] kinds = {
            {"0300 VGA compatible controller", "10de NVIDIA Corporation", "1b81 GP104 [GeForce GTX 1070]", "", "nouveau", ""},
            {"0403 Audio device", "10de NVIDIA Corporation", "10f0 GP104 High Definition Audio Controller", "snd_hda_intel",
                "snd_hda_intel", ""},
            {"0200 Ethernet controller", "8086 Intel Corporation", "1521 I350 Gigabit Network Connection", "igb", "igb", ""},
            {"0c03 USB controller", "1912 Renesas Technology Corp.", "0014 uPD720201 USB 3.0 Host Controller", "xhci_hcd",
                "xhci_pci", "30"},
        };
        for (int k = 0; out.size() < DEVICES; k++) {
            String[] kind = kinds[k % kinds.length];
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("slot", String.format("0000:%02x:00.0", 0x40 + k));
            d.put("class", kind[0]);
            d.put("vendor", kind[1]);
            d.put("device", kind[2]);
            if (!kind[3].isEmpty()) d.put("driver", kind[3]);
            d.put("modules", kind[4]);
            if (!kind[5].isEmpty()) d.put("progif", kind[5]);
            d.put("rev", "a1");
            out.add(d);
        }
        return out;
    }

    private List<Object> vms(List<Object> baseVms, String host) {
        List<Object> out = new ArrayList<>();
        for (Object o : baseVms) {
            Map<String, Object> v = map(o);
            v.put("uuid", uuid(host, "vm/" + v.get("uuid")));
            out.add(v);
        }
        int first = out.size() + 1;
        for (int n = first; out.size() < Math.max(VMS, first); n++) {
            String name = String.format("vm-%02d", n);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("uuid", uuid(host, name));
            v.put("name-label", name);
            v.put("power-state", n % 3 == 0 ? "running" : "halted");
            v.put("memory-mib", "1024");
            v.put("vcpus", "1");
            Map<String, Object> oc = new LinkedHashMap<>();
            oc.put("base_template_name", n % 2 == 0 ? "Debian Bookworm 12" : "Windows 10 (64-bit)");
            oc.put("mac_seed", uuid(host, name + "/mac"));
            if (n == first) {
                oc.put("pci", "0/" + HIDDEN);
                v.put("affinity", uuid(host, "host")); // pinned to this host, as xenpt pins a VM it assigns devices to
            }
            v.put("other-config", oc);
            out.add(v);
        }
        return out;
    }

    /**
     * Adds {@code xen-pciback.hide=(slot)} to the dom0 kernel arguments of the first entry: after the first
     * {@code vmlinuz} word, up to the end of its line or extlinux's next {@code ---}.
     */
    static String hide(String bootFile, String slot) {
        int k = bootFile.indexOf("vmlinuz");
        if (k < 0) return bootFile;
        int eol = bootFile.indexOf('\n', k);
        int sep = bootFile.indexOf(" ---", k);
        int end = eol < 0 ? bootFile.length() : eol;
        if (sep >= 0 && sep < end) end = sep;
        return bootFile.substring(0, end) + " xen-pciback.hide=(" + slot + ")" + bootFile.substring(end);
    }

    private String uuid(String host, String what) {
        return UUID.nameUUIDFromBytes((base + "/" + host + "/" + what).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> ? (Map<String, Object>) o : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> ? (List<Object>) o : new ArrayList<>();
    }

    /** A mutable copy of a YAML tree, so each host starts from the untouched base. */
    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put(String.valueOf(k), deepCopy(v)));
            return (T) c;
        }
        if (o instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(v -> c.add(deepCopy(v)));
            return (T) c;
        }
        return (T) o;
    }
}
