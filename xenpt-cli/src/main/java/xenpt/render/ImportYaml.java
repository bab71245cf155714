package xenpt.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import xenpt.desired.HostSpec;
import xenpt.desired.PciAddress;
import xenpt.desired.SshSettings;
import xenpt.desired.yaml.YamlWriter;
import xenpt.observed.ObservedHost;
import xenpt.observed.PciDevice;
import xenpt.observed.VmRecord;
import xenpt.plan.Placement;

/**
 * The desired state that matches an observed host ({@code xenpt import}): address, pinned host key, the backend in
 * use, the boot hide list with each device's id pin from lspci, and the VMs of this host that hold devices with their
 * uuid and pci list. snakeyaml-engine writes the document, so any name-label (quotes, colons, newlines, {@code #})
 * comes back as the same string; only the header comment is written by hand, with control characters escaped.
 */
public final class ImportYaml {

    private ImportYaml() {}

    /** @param warn receives what could not be written as observed (the file then differs from the host) */
    public static String render(String name, HostSpec spec, ObservedHost h, Optional<String> hostKey, Consumer<String> warn) {
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("address", spec.address());
        // How the host was reached goes into ssh (the address alone, without a port, so there is one place for it).
        Map<String, Object> ssh = new LinkedHashMap<>();
        SshSettings reached = spec.ssh();
        if (!reached.user().equals(SshSettings.DEFAULT.user())) ssh.put("user", reached.user());
        if (reached.port() != SshSettings.DEFAULT.port()) ssh.put("port", reached.port());
        if (reached.identityFile() != null) ssh.put("identityFile", reached.identityFile());
        if (reached.knownHosts() != null) ssh.put("knownHosts", reached.knownHosts());
        hostKey.ifPresent(k -> ssh.put("hostKey", k));
        if (!ssh.isEmpty()) host.put("ssh", ssh);
        host.put("method", h.backend().word());
        hide(h, warn).ifPresent(l -> host.put("hide", l));
        Map<String, Object> vms = vms(h, warn);
        if (!vms.isEmpty()) host.put("vms", vms);

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", 1);
        doc.put("hosts", Map.of(name, host));
        return header(spec, h) + YamlWriter.block(doc);
    }

    private static String header(HostSpec spec, ObservedHost h) {
        return "# Imported by xenpt from " + InspectView.clean(spec.address()) + ": " + InspectView.clean(h.info().brand())
                + " " + InspectView.clean(h.info().version()) + ", host uuid " + InspectView.clean(h.info().hostUuid())
                + ".\n# Policies are the defaults (reboot: manual, vmRestart: manual, prune: false).\n";
    }

    /** The boot hide list; none when it does not parse (a file cannot say "keep this broken list"). */
    private static Optional<List<Object>> hide(ObservedHost h, Consumer<String> warn) {
        if (h.boot().hide().present() && !h.boot().hide().valid()) {
            warn.accept("the boot hide list '" + InspectView.clean(h.boot().hide().raw()) + "' does not parse;"
                    + " 'hide' is left out, so xenpt leaves the boot configuration alone");
            return Optional.empty();
        }
        List<Object> list = new ArrayList<>();
        for (PciAddress a : h.boot().hide().devices()) {
            Optional<PciDevice> d = h.device(a);
            if (d.isEmpty()) {
                warn.accept(a + " is hidden but absent from lspci; written without an id pin (the plan will fail on it)");
                list.add(a.toString());
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("address", a.toString());
            entry.put("id", d.get().id().toString());
            list.add(entry);
        }
        return Optional.of(list);
    }

    private static Map<String, Object> vms(ObservedHost h, Consumer<String> warn) {
        Map<String, Object> vms = new LinkedHashMap<>();
        for (VmRecord vm : h.vms()) {
            if (vm.pciRaw().isEmpty() || !Placement.usesDevicesOf(h.info().hostUuid(), vm)) continue;
            if (vm.pci().isEmpty()) {
                warn.accept("VM '" + InspectView.clean(vm.nameLabel()) + "' has other-config:pci '"
                        + InspectView.clean(vm.pciRaw().get()) + "' that names no device; left out");
                continue;
            }
            if (vms.containsKey(vm.nameLabel())) {
                warn.accept("two VMs are named '" + InspectView.clean(vm.nameLabel()) + "'; only " + uuidOf(vms, vm)
                        + " is written (a file keys VMs by name-label)");
                continue;
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("uuid", vm.uuid());
            v.put("pci", vm.pci().stream().map(PciAddress::toString).toList());
            vms.put(vm.nameLabel(), v);
            vm.pci().stream().filter(a -> !h.boot().hide().devices().contains(a)).forEach(a -> warn.accept("VM '"
                    + InspectView.clean(vm.nameLabel()) + "' holds " + a + ", which is not hidden from dom0"));
        }
        return vms;
    }

    @SuppressWarnings("unchecked")
    private static Object uuidOf(Map<String, Object> vms, VmRecord vm) {
        return ((Map<String, Object>) vms.get(vm.nameLabel())).get("uuid");
    }
}
