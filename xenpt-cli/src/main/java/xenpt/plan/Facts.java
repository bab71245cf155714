package xenpt.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import xenpt.desired.PciAddress;
import xenpt.observed.ObservedHost;
import xenpt.observed.PciDevice;
import xenpt.observed.VmRecord;

/**
 * The observed facts a plan depends on, as readable key → value pairs, and their fingerprint. {@code apply} observes
 * again and compares; any difference makes the saved plan stale ({@link Staleness}). Keys name the fact the way a
 * person would look for it ({@code vm 'db1' other-config:pci}); an absent key or value is {@code ""}.
 */
public final class Facts {

    private Facts() {}

    public static SortedMap<String, String> of(ObservedHost host) {
        SortedMap<String, String> f = new TreeMap<>();
        f.put("host uuid", host.info().hostUuid());
        f.put("backend", host.backend().word());
        f.put("boot id", host.runtime().bootId());
        f.put("boot file", host.boot().path());
        f.put("boot hide list", host.boot().hide().raw());
        f.put("running hide list", host.runtime().cmdlineHide().raw());
        f.put("pciback loaded", Boolean.toString(host.runtime().pcibackLoaded()));
        f.put("pciback bound", words(host.runtime().pcibackBound()));
        f.put("management devices", words(host.managementDevices()));
        f.put("root disk devices", words(host.rootDiskDevices()));
        for (PciDevice d : host.devices()) {
            f.put("device " + d.address() + " id", d.id().toString());
        }
        for (VmRecord vm : host.vms()) {
            String key = vmKey(host, vm);
            f.put(key + " other-config:pci", vm.pciRaw().orElse(""));
            f.put(key + " affinity", vm.affinity());
            f.put(key + " power-state", vm.powerState().word());
            f.put(key + " resident-on", vm.residentOn());
        }
        return f;
    }

    /** SHA-256 hex over the facts, one {@code key=value} line each in key order. */
    public static String fingerprint(Map<String, String> facts) {
        String text = new TreeMap<>(facts).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue() + "\n")
                .collect(Collectors.joining());
        return sha256(text);
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** {@code vm 'name'}, with the uuid when the name-label is not unique on the host. */
    static String vmKey(ObservedHost host, VmRecord vm) {
        long same = host.vms().stream().filter(v -> v.nameLabel().equals(vm.nameLabel())).count();
        return same == 1 ? "vm '" + vm.nameLabel() + "'" : "vm '" + vm.nameLabel() + "' (" + vm.uuid() + ")";
    }

    private static String words(Collection<PciAddress> devices) {
        return devices.stream().map(PciAddress::toString).collect(Collectors.joining(" "));
    }
}
