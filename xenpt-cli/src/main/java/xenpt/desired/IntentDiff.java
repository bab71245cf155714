package xenpt.desired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import xenpt.desired.IntentChange.Kind;

/**
 * Computes the {@link Intent} between two desired states. Pure. Removing a host or a VM from the file stops managing
 * it, which changes nothing on the host, so it is reported as such and not as a release.
 */
public final class IntentDiff {

    static final String NOT_MANAGED = "not managed";

    private final String host;
    private final List<IntentChange> out;

    private IntentDiff(String host, List<IntentChange> out) {
        this.host = host;
        this.out = out;
    }

    public static Intent between(DesiredState base, DesiredState head) {
        List<IntentChange> out = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        base.hosts().forEach(h -> names.add(h.name()));
        head.hosts().forEach(h -> names.add(h.name()));
        for (String name : names) {
            Optional<HostSpec> b = base.host(name);
            Optional<HostSpec> h = head.host(name);
            IntentDiff d = new IntentDiff(name, out);
            if (h.isEmpty()) {
                d.add(Kind.HOST_REMOVED, name, b.get().address(), null);
            } else if (b.isEmpty()) {
                d.add(Kind.HOST_ADDED, name, null, h.get().address());
                d.hide(Optional.empty(), h.get().hide());
                d.vms(List.of(), h.get().vms());
            } else {
                d.host(b.get(), h.get());
            }
        }
        return new Intent(out, base.commit(), head.commit());
    }

    private void host(HostSpec b, HostSpec h) {
        setting("address", b.address(), h.address());
        setting("method", b.method().word(), h.method().word());
        setting("ssh", ssh(b.ssh()), ssh(h.ssh()));
        policy("reboot", b.policy().reboot().name().toLowerCase(java.util.Locale.ROOT),
                h.policy().reboot().name().toLowerCase(java.util.Locale.ROOT));
        policy("vmRestart", b.policy().vmRestart().name().toLowerCase(java.util.Locale.ROOT),
                h.policy().vmRestart().name().toLowerCase(java.util.Locale.ROOT));
        policy("prune", Boolean.toString(b.policy().prune()), Boolean.toString(h.policy().prune()));
        hide(b.hide(), h.hide());
        vms(b.vms(), h.vms());
    }

    private void hide(Optional<List<HideEntry>> base, Optional<List<HideEntry>> head) {
        if (base.isEmpty() && head.isEmpty()) return;
        if (head.isEmpty()) {
            add(Kind.SETTING, "hide list", "managed", NOT_MANAGED + " (the boot configuration is left as it is)");
            return;
        }
        if (base.isEmpty()) add(Kind.SETTING, "hide list", NOT_MANAGED, "managed (exactly the listed devices)");
        Map<PciAddress, HideEntry> b = byAddress(base.orElse(List.of()));
        Map<PciAddress, HideEntry> h = byAddress(head.get());
        for (HideEntry e : h.values()) {
            HideEntry old = b.get(e.address());
            if (old == null) add(Kind.HIDE, e.address().toString(), null, "hidden" + pin(e));
            else if (!old.id().equals(e.id())) add(Kind.SETTING, e.address() + " id", pinText(old), pinText(e));
        }
        for (HideEntry e : b.values()) {
            if (!h.containsKey(e.address())) add(Kind.RELEASE, e.address().toString(), "hidden" + pin(e), "given back to dom0");
        }
    }

    private void vms(List<VmSpec> base, List<VmSpec> head) {
        Map<String, VmSpec> b = base.stream().collect(Collectors.toMap(VmSpec::name, Function.identity(), (x, y) -> x, TreeMap::new));
        Map<String, VmSpec> h = head.stream().collect(Collectors.toMap(VmSpec::name, Function.identity(), (x, y) -> x, TreeMap::new));
        for (VmSpec vm : h.values()) {
            String subject = "vm '" + vm.name() + "'";
            VmSpec old = b.get(vm.name());
            if (old == null) {
                add(Kind.ASSIGN, subject, NOT_MANAGED, pci(vm.pci()));
                continue;
            }
            if (!old.pci().equals(vm.pci())) add(Kind.ASSIGN, subject, pci(old.pci()), pci(vm.pci()));
            setting(subject + " uuid", old.uuid().orElse("(none)"), vm.uuid().orElse("(none)"));
        }
        for (VmSpec vm : b.values()) {
            if (!h.containsKey(vm.name())) {
                add(Kind.SETTING, "vm '" + vm.name() + "'", pci(vm.pci()), NOT_MANAGED + " (its pci is left as it is)");
            }
        }
    }

    private void setting(String subject, String before, String after) {
        if (!before.equals(after)) add(Kind.SETTING, subject, before, after);
    }

    private void policy(String subject, String before, String after) {
        if (!before.equals(after)) add(Kind.POLICY, subject, before, after);
    }

    private void add(Kind kind, String subject, String before, String after) {
        out.add(new IntentChange(kind, host, subject, Optional.ofNullable(before), Optional.ofNullable(after)));
    }

    private static Map<PciAddress, HideEntry> byAddress(List<HideEntry> entries) {
        Map<PciAddress, HideEntry> m = new TreeMap<>();
        entries.forEach(e -> m.putIfAbsent(e.address(), e));
        return m;
    }

    private static String pin(HideEntry e) {
        return e.id().map(id -> " (id " + id + ")").orElse("");
    }

    private static String pinText(HideEntry e) {
        return e.id().map(Object::toString).orElse("(no pin)");
    }

    /** Devices in hotplug order; {@code none} for an empty list (the key is removed). */
    static String pci(List<PciAddress> pci) {
        return pci.isEmpty() ? "none" : pci.stream().map(PciAddress::toString).collect(Collectors.joining(", "));
    }

    /** The connection settings that matter to a reviewer; never a secret (passwordEnv is a variable name). */
    private static String ssh(SshSettings s) {
        return s.user() + "@port " + s.port() + (s.hostKey() == null ? "" : ", hostKey " + s.hostKey())
                + (s.identityFile() == null ? "" : ", identityFile " + s.identityFile())
                + (s.knownHosts() == null ? "" : ", knownHosts " + s.knownHosts())
                + (s.passwordEnv() == null ? "" : ", passwordEnv " + Objects.toString(s.passwordEnv()));
    }
}
