package xenpt.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xenpt.desired.PciAddress;
import xenpt.format.hide.HideList;
import xenpt.json.Json;
import xenpt.observed.ObservedHost;
import xenpt.observed.PciDevice;
import xenpt.observed.VmRecord;
import xenpt.plan.Placement;

/**
 * What {@code xenpt inspect} prints for one observed host: a text summary with a device table and a VM table, or
 * the same facts as JSON. Text from the host (names, labels) is shown with control characters escaped, so a hostile
 * name-label cannot move the cursor or forge lines.
 */
public final class InspectView {

    private InspectView() {}

    public static String text(ObservedHost h) {
        StringBuilder s = new StringBuilder();
        s.append(h.name()).append(" (").append(h.address()).append(")\n");
        facts(h).forEach((label, value) -> line(s, label, value));
        s.append("\nDevices:\n");
        table(s, devices(h));
        s.append("\nVMs:\n");
        table(s, vms(h));
        return s.toString();
    }

    /** The host's facts by label, in the order shown (text and Markdown). */
    static Map<String, String> facts(ObservedHost h) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("product", h.info().brand() + " " + h.info().version());
        f.put("host uuid", h.info().hostUuid() + (h.info().poolMaster() ? " (pool master)" : ""));
        f.put("backend", h.backend().word());
        String entry = h.boot().entries().isEmpty() ? "no entries" : "default entry '" + h.boot().entries().get(h.boot().defaultIndex()).title() + "'";
        f.put("boot file", h.boot().path() + " (" + h.boot().format().name().toLowerCase(java.util.Locale.ROOT) + ", " + entry + ")");
        f.put("boot hide list", hide(h.boot().hide()));
        f.put("running hide list", hide(h.runtime().cmdlineHide()));
        f.put("pciback", h.runtime().pcibackLoaded() ? "loaded, " + h.runtime().pcibackBound().size() + " device(s) bound" : "NOT LOADED");
        f.put("pending reboot", h.pendingReboot() ? "yes" : "no");
        f.put("boot id", h.runtime().bootId());
        f.put("last applied", clean(DriftText.lastApplied(h.lastApplied())));
        return f;
    }

    /** The device table, its header first. */
    static List<List<String>> devices(ObservedHost h) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ADDRESS", "CLASS", "ID", "NAME", "DRIVER", "HIDDEN", "PCIBACK", "VM", "NOTE"));
        for (PciDevice d : h.devices()) rows.add(deviceRow(h, d));
        return rows;
    }

    /** The VM table, its header first. */
    static List<List<String>> vms(ObservedHost h) {
        List<List<String>> vms = new ArrayList<>();
        vms.add(List.of("NAME", "UUID", "POWER", "PCI"));
        for (VmRecord v : h.vms()) vms.add(List.of(clean(v.nameLabel()), v.uuid(), v.powerState().word(), clean(v.pciRaw().orElse("-"))));
        return vms;
    }

    private static List<String> deviceRow(ObservedHost h, PciDevice d) {
        List<String> notes = new ArrayList<>();
        if (h.managementDevices().contains(d.address())) notes.add("management");
        if (h.rootDiskDevices().contains(d.address())) notes.add("root disk");
        String name = clean(d.vendorName() + " " + d.deviceName());
        if (name.length() > 48) name = name.substring(0, 47) + "…";
        return List.of(d.address().toString(), clean(d.className()), d.id().toString(), name, clean(d.driver().orElse("-")),
                h.boot().hide().devices().contains(d.address()) ? "yes" : "no",
                h.runtime().pcibackBound().contains(d.address()) ? "yes" : "no",
                String.join(", ", assignedTo(h, d.address()).stream().map(InspectView::clean).toList()).transform(v -> v.isEmpty() ? "-" : v),
                notes.isEmpty() ? "" : String.join(", ", notes));
    }

    /** The VMs that hold this host's device: in a pool, not another member's VM that names the same B:D.f. */
    static List<String> assignedTo(ObservedHost h, PciAddress a) {
        return h.vms().stream().filter(v -> v.pci().contains(a) && Placement.usesDevicesOf(h.info().hostUuid(), v))
                .map(VmRecord::nameLabel).toList();
    }

    private static String hide(HideList l) {
        if (!l.present()) return "none";
        String devices = l.devices().isEmpty() ? "nothing" : String.join(" ", l.devices().stream().map(PciAddress::toString).toList());
        return l.valid() ? devices : "INVALID '" + clean(l.raw()) + "' (pciback will not load)";
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append("  ").append(String.format("%-20s", label + ":")).append(value).append('\n');
    }

    private static void table(StringBuilder s, List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> r : rows) for (int i = 0; i < r.size(); i++) widths[i] = Math.max(widths[i], r.get(i).length());
        for (List<String> r : rows) {
            StringBuilder l = new StringBuilder("  ");
            for (int i = 0; i < r.size(); i++) {
                l.append(r.get(i));
                if (i < r.size() - 1) l.append(" ".repeat(widths[i] - r.get(i).length() + 2));
            }
            s.append(l.toString().stripTrailing()).append('\n');
        }
    }

    /** Control characters made visible, by the one escaper every view uses. */
    static String clean(String text) {
        return xenpt.diag.ControlChars.escape(text);
    }

    public static String json(ObservedHost h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", "1");
        m.put("xenpt_version", xenpt.build.XenptVersion.current().recorded());
        m.put("name", h.name());
        m.put("address", h.address());
        m.put("product", h.info().brand());
        m.put("version", h.info().version());
        m.put("host_uuid", h.info().hostUuid());
        m.put("pool_master", h.info().poolMaster());
        m.put("backend", h.backend().word());
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("path", h.boot().path());
        boot.put("format", h.boot().format().name().toLowerCase(java.util.Locale.ROOT));
        boot.put("default_entry", h.boot().entries().isEmpty() ? "" : h.boot().entries().get(h.boot().defaultIndex()).title());
        boot.put("hide", hideJson(h.boot().hide()));
        m.put("boot", boot);
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("boot_id", h.runtime().bootId());
        runtime.put("cmdline_hide", hideJson(h.runtime().cmdlineHide()));
        runtime.put("pciback_loaded", h.runtime().pcibackLoaded());
        runtime.put("pciback_bound", h.runtime().pcibackBound().stream().map(PciAddress::toString).toList());
        m.put("runtime", runtime);
        m.put("pending_reboot", h.pendingReboot());
        m.put("last_applied", h.lastApplied().map(DriftJson::journal).orElse(null));
        m.put("devices", h.devices().stream().map(d -> deviceJson(h, d)).toList());
        m.put("vms", h.vms().stream().map(InspectView::vmJson).toList());
        return Json.write(m);
    }

    private static Map<String, Object> hideJson(HideList l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("present", l.present());
        m.put("raw", l.raw());
        m.put("valid", l.valid());
        m.put("devices", l.devices().stream().map(PciAddress::toString).toList());
        return m;
    }

    private static Map<String, Object> deviceJson(ObservedHost h, PciDevice d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", d.address().toString());
        m.put("class_code", d.classCode());
        m.put("class", d.className());
        m.put("id", d.id().toString());
        m.put("vendor", d.vendorName());
        m.put("device", d.deviceName());
        m.put("subsystem", d.subsystem());
        m.put("revision", d.revision());
        m.put("driver", d.driver());
        m.put("hidden_at_boot", h.boot().hide().devices().contains(d.address()));
        m.put("bound_to_pciback", h.runtime().pcibackBound().contains(d.address()));
        m.put("assigned_to", assignedTo(h, d.address()));
        m.put("management", h.managementDevices().contains(d.address()));
        m.put("root_disk", h.rootDiskDevices().contains(d.address()));
        m.put("pci_object", h.pciObjects().get(d.address()));
        return m;
    }

    private static Map<String, Object> vmJson(VmRecord v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", v.uuid());
        m.put("name_label", v.nameLabel());
        m.put("power_state", v.powerState().word());
        m.put("resident_on", v.residentOn());
        m.put("affinity", v.affinity());
        m.put("pci_raw", v.pciRaw());
        m.put("pci", v.pci().stream().map(PciAddress::toString).toList());
        return m;
    }
}
