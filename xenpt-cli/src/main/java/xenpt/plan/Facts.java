package xenpt.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import xenpt.desired.PciAddress;
import xenpt.observed.ObservedHost;
import xenpt.observed.PciDevice;
import xenpt.observed.VmRecord;

/**
 * The observed facts a plan depends on ({@link Fact}: subject and field → value), and their fingerprint. {@code apply}
 * observes again and compares; any difference makes the saved plan stale ({@link Staleness}). The fields are a closed
 * set, listed in {@code schemas/plan.schema.json}: a new one is a change of the JSON contract.
 */
public final class Facts {

    private Facts() {}

    /** The facts of {@code host}, sorted ({@link Fact#compareTo}). */
    public static List<Fact> of(ObservedHost host) {
        List<Fact> f = new ArrayList<>();
        f.add(Fact.host("host-uuid", host.info().hostUuid()));
        f.add(Fact.host("backend", host.backend().word()));
        f.add(Fact.host("boot-id", host.runtime().bootId()));
        f.add(Fact.host("boot-file", host.boot().path()));
        f.add(Fact.host("boot-hide-list", host.boot().hide().raw()));
        f.add(Fact.host("running-hide-list", host.runtime().cmdlineHide().raw()));
        f.add(Fact.host("pciback-loaded", Boolean.toString(host.runtime().pcibackLoaded())));
        f.add(Fact.host("pciback-bound", words(host.runtime().pcibackBound())));
        f.add(Fact.host("management-devices", words(host.managementDevices())));
        f.add(Fact.host("root-disk-devices", words(host.rootDiskDevices())));
        for (PciDevice d : host.devices()) f.add(Fact.device(d.address().toString(), "id", d.id().toString()));
        for (VmRecord vm : host.vms()) {
            String uuid = vm.uuid();
            String name = vm.nameLabel();
            f.add(Fact.vm(uuid, name, "name-label", name));
            f.add(Fact.vm(uuid, name, "other-config:pci", vm.pciRaw().orElse("")));
            f.add(Fact.vm(uuid, name, "affinity", vm.affinity()));
            f.add(Fact.vm(uuid, name, "power-state", vm.powerState().word()));
            f.add(Fact.vm(uuid, name, "resident-on", vm.residentOn()));
        }
        return f.stream().sorted().distinct().toList();
    }

    /** The value of a fact about the host itself ({@code host-uuid}, …); {@code ""} when there is none. */
    public static String hostValue(Collection<Fact> facts, String field) {
        return facts.stream().filter(f -> f.vm().isEmpty() && f.device().isEmpty() && f.field().equals(field))
                .map(Fact::value).findFirst().orElse("");
    }

    /** Each fact by its {@link Fact#key}, in {@code facts}' order. */
    static Map<String, Fact> byKey(Collection<Fact> facts) {
        Map<String, Fact> m = new LinkedHashMap<>();
        for (Fact f : facts) m.put(f.key(), f);
        return m;
    }

    /** The fact as a person names it; the VM's uuid is added when another VM among {@code all} shares its name. */
    static String label(Fact fact, Collection<Fact> all) {
        boolean shared = fact.vmName().isPresent() && all.stream()
                .anyMatch(o -> o.vmName().equals(fact.vmName()) && !o.vm().equals(fact.vm()));
        return fact.label(shared);
    }

    /** SHA-256 hex over the facts, one {@code key=value} line each ({@link Fact#key}) in key order. */
    public static String fingerprint(Collection<Fact> facts) {
        String text = facts.stream().map(f -> f.key() + "=" + f.value() + "\n").sorted().collect(Collectors.joining());
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

    private static String words(Collection<PciAddress> devices) {
        return devices.stream().map(PciAddress::toString).collect(Collectors.joining(" "));
    }
}
