package xenpt.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PCI backend nodes in dom0's xenstore ({@code /local/domain/0/backend/pci/<domid>/0}) of the domains running on
 * this host, as the two code paths that plug devices write them (docs/attachment.md):
 * <ul>
 * <li>before xenopsd's CP-30136 (May 2019; products before 8.1), xenopsd ran {@code xl pci-attach}, so libxl wrote
 * the backend [src: xen RELEASE-4.7.0 tools/libxl/libxl_pci.c {@code libxl__create_pci_backend}]: {@code frontend-id},
 * {@code online}, {@code state}, {@code domain}, then per device {@code key-N}, {@code dev-N}, {@code vdevfn-N},
 * {@code opts-N}, {@code state-N}, then {@code num_devs};</li>
 * <li>from 8.1 on, xenopsd assigns HVM devices itself and writes only {@code dev-N = "dddd:bb:dd.f"} [src:
 * xen-api ocaml/xenopsd/xc/device.ml {@code PCI.add}], so libxl's {@code num_devs} is absent.</li>
 * </ul>
 */
final class PciBackends {

    static final String ROOT = "/local/domain/0/backend/pci";

    private PciBackends() {}

    /** Whether the product plugs through libxl (before 8.1). */
    static boolean libxl(Scenario s) {
        String[] v = s.inventory().get("PRODUCT_VERSION").split("\\.");
        int major = Integer.parseInt(v[0]);
        int minor = v.length > 1 ? Integer.parseInt(v[1]) : 0;
        return major < 8 || (major == 8 && minor < 1);
    }

    /** The running domains of this host that hold devices, by domid (ascending), with their devices in plug order. */
    static Map<Long, Vm> domains(HostContext ctx, HostState st) {
        Map<Long, Vm> out = new java.util.TreeMap<>();
        for (Vm v : st.vms()) {
            if (v.running() && !v.controlDomain() && v.residentOn().equals(ctx.scenario().hostUuid())
                    && !v.attached().isEmpty()) {
                out.put(v.domId(), v);
            }
        }
        return out;
    }

    /** The nodes below {@code <ROOT>/<domid>/0} of one domain, in the order they were written. */
    static Map<String, String> nodes(Scenario s, Vm vm) {
        Map<String, String> n = new LinkedHashMap<>();
        List<String> devs = vm.attached();
        if (!libxl(s)) {
            for (int i = 0; i < devs.size(); i++) n.put("dev-" + i, devs.get(i));
            return n;
        }
        n.put("frontend-id", String.valueOf(vm.domId()));
        n.put("online", "1");
        n.put("state", "4");
        n.put("domain", vm.nameLabel());
        for (int i = 0; i < devs.size(); i++) {
            n.put("key-" + i, devs.get(i));
            n.put("dev-" + i, devs.get(i));
            n.put("vdevfn-" + i, Integer.toHexString(vdevfn(i)));
            n.put("opts-" + i, "msitranslate=0,power_mgmt=0,permissive=0");
            n.put("state-" + i, "4");
        }
        n.put("num_devs", String.valueOf(devs.size()));
        return n;
    }

    /**
     * The guest slot qemu gives the {@code i}th device: the first free slot after the emulated ones (host bridge, ISA,
     * VGA, platform device, NIC take 0-4) [inferred], function 0; devfn = slot << 3.
     */
    static int vdevfn(int i) {
        return (5 + i) << 3;
    }

    /** Every node as xenstore-ls {@code -f} prints it: full path, value. */
    static List<String[]> flat(HostContext ctx, HostState st) {
        List<String[]> out = new ArrayList<>();
        for (Map.Entry<Long, Vm> d : domains(ctx, st).entrySet()) {
            String dom = ROOT + "/" + d.getKey();
            out.add(new String[] {dom, ""});
            out.add(new String[] {dom + "/0", ""});
            nodes(ctx.scenario(), d.getValue()).forEach((k, v) -> out.add(new String[] {dom + "/0/" + k, v}));
        }
        return out;
    }
}
