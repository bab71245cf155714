package xenpt.planfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import xenpt.desired.HideEntry;
import xenpt.desired.HideMethod;
import xenpt.desired.HostSpec;
import xenpt.desired.PciAddress;
import xenpt.desired.PciId;
import xenpt.desired.Policy;
import xenpt.desired.SshSettings;
import xenpt.desired.VmSpec;
import xenpt.diag.Location;
import xenpt.json.JsonObject;

/** One host's desired state in a saved plan: how to reach it (no secret) and what apply checks it against. */
final class HostJson {

    private HostJson() {}

    static Map<String, Object> write(HostSpec h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        m.put("address", h.address());
        SshSettings s = h.ssh();
        Map<String, Object> ssh = new LinkedHashMap<>();
        ssh.put("user", s.user());
        ssh.put("port", s.port());
        ssh.put("identity_file", s.identityFile());
        ssh.put("known_hosts", s.knownHosts());
        ssh.put("host_key", s.hostKey());
        ssh.put("password_env", s.passwordEnv());
        m.put("ssh", ssh);
        m.put("method", h.method().word());
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("reboot", word(h.policy().reboot()));
        policy.put("vm_restart", word(h.policy().vmRestart()));
        policy.put("prune", h.policy().prune());
        m.put("policy", policy);
        m.put("hide", h.hide().map(l -> l.stream().map(HostJson::hideEntry).toList()));
        m.put("vms", h.vms().stream().map(HostJson::vm).toList());
        m.put("source", h.location().toString());
        return m;
    }

    static HostSpec read(JsonObject o) {
        JsonObject s = o.object("ssh");
        SshSettings ssh = new SshSettings(s.string("user"), s.intValue("port"), text(s, "identity_file"),
                text(s, "known_hosts"), text(s, "host_key"), text(s, "password_env"));
        JsonObject p = o.object("policy");
        Policy policy = new Policy(mode(p.string("reboot")), mode(p.string("vm_restart")), p.bool("prune"));
        Location at = Location.ofFile(o.string("source"));
        Optional<List<HideEntry>> hide = Optional.empty();
        if (!o.isNull("hide")) {
            List<HideEntry> entries = new ArrayList<>();
            for (JsonObject e : o.objects("hide")) {
                entries.add(new HideEntry(PciAddress.parse(e.string("address")),
                        Optional.ofNullable(text(e, "id")).map(PciId::parse), at));
            }
            hide = Optional.of(entries);
        }
        List<VmSpec> vms = new ArrayList<>();
        for (JsonObject v : o.objects("vms")) {
            List<PciAddress> pci = new ArrayList<>();
            for (String d : v.strings("pci")) pci.add(PciAddress.parse(d));
            vms.add(new VmSpec(v.string("name"), Optional.ofNullable(text(v, "uuid")), pci, at));
        }
        return new HostSpec(o.string("name"), o.string("address"), ssh, HideMethod.fromWord(o.string("method")),
                policy, hide, vms, at);
    }

    private static Map<String, Object> hideEntry(HideEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", e.address().toString());
        m.put("id", e.id().map(PciId::toString));
        return m;
    }

    private static Map<String, Object> vm(VmSpec v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("uuid", v.uuid());
        m.put("pci", v.pci().stream().map(PciAddress::toString).toList());
        return m;
    }

    private static String word(Policy.Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    private static Policy.Mode mode(String word) {
        return switch (word) {
            case "auto" -> Policy.Mode.AUTO;
            case "manual" -> Policy.Mode.MANUAL;
            default -> throw new IllegalArgumentException("policy mode '" + word + "' is neither auto nor manual");
        };
    }

    private static String text(JsonObject o, String key) {
        return o.optionalString(key).orElse(null);
    }
}
