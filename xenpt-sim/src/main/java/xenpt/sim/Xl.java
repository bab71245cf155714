package xenpt.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code xl} of the Xen toolstack in dom0, for the reads a passthrough diagnosis makes:
 * <ul>
 * <li>{@code xl pci-list DOMID}: {@code pcilist} in tools/xl/xl_pci.c (4.7: tools/libxl/xl_cmdimpl.c): nothing at all
 * when libxl finds no {@code num_devs} in the domain's PCI backend (every domain xenopsd plugged itself, 8.1 on: see
 * {@link PciBackends}), else the header {@code Vdev Device} and {@code %02x.%01x %04x:%02x:%02x.%01x} rows; exit 0;</li>
 * <li>{@code xl info}: {@code output_xeninfo}/{@code output_physinfo} (4.7 xl_cmdimpl.c; 4.17 xl_info.c): {@code key
 * : value} lines padded to 23 columns; {@code virt_caps} lists {@code hvm_directio} only with an IOMMU;
 * {@code xen_commandline} is the hypervisor's boot line;</li>
 * <li>{@code xl dmesg}: Xen's console ring, lines prefixed {@code (XEN) }; iommu.c prints
 * {@code I/O virtualisation enabled} or {@code disabled} [src: xen/drivers/passthrough/iommu.c].</li>
 * </ul>
 */
final class Xl {

    /** The hypervisor line of a boot entry: {@code multiboot2 /boot/xen.gz ARGS} (GRUB) or {@code append xen.gz ARGS ---}. */
    private static final Pattern XEN_LINE = Pattern.compile("^\\s*(?:multiboot2?|append)\\s+\\S*xen\\S*\\.gz\\s*(.*?)(?:\\s+---.*)?$",
            Pattern.MULTILINE);

    private final HostContext ctx;

    Xl(HostContext ctx) {
        this.ctx = ctx;
    }

    Outcome run(List<String> args) throws IOException {
        String sub = args.isEmpty() ? "" : args.get(0);
        return switch (sub) {
            case "pci-list" -> pciList(args);
            case "info" -> Outcome.ok(info());
            case "dmesg" -> Outcome.ok(dmesg());
            default -> Outcome.fail(1, "command not implemented\n");
        };
    }

    private Outcome pciList(List<String> args) throws IOException {
        if (args.size() != 2) return Outcome.fail(2, "'xl pci-list' requires at least 1 argument.\n\n");
        if (!PciBackends.libxl(ctx.scenario())) return Outcome.ok("");
        for (Map.Entry<Long, Vm> d : PciBackends.domains(ctx, ctx.state()).entrySet()) {
            if (!args.get(1).equals(String.valueOf(d.getKey())) && !args.get(1).equals(d.getValue().nameLabel())) continue;
            StringBuilder out = new StringBuilder("Vdev Device\n");
            List<String> devs = d.getValue().attached();
            for (int i = 0; i < devs.size(); i++) {
                int vdevfn = PciBackends.vdevfn(i);
                out.append(String.format("%02x.%01x %s%n", (vdevfn >> 3) & 0x1f, vdevfn & 7, devs.get(i)));
            }
            return Outcome.ok(out.toString());
        }
        return Outcome.ok("");
    }

    private String info() throws IOException {
        Scenario s = ctx.scenario();
        String xen = s.softwareVersion().getOrDefault("xen", "4.7.0");
        String[] v = xen.split("[.-]", 3);
        return field("host", s.hostName().toLowerCase(java.util.Locale.ROOT))
                + field("release", s.softwareVersion().getOrDefault("linux", "4.19.0+1"))
                + field("machine", "x86_64") + field("nr_cpus", "16") + field("nr_nodes", "1")
                + field("virt_caps", s.iommu() ? "hvm hvm_directio" : "hvm")
                + field("total_memory", "65434") + field("xen_major", v[0]) + field("xen_minor", v.length > 1 ? v[1] : "0")
                + field("xen_version", xen) + field("xen_caps", "xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64")
                + field("xen_commandline", xenCommandLine());
    }

    private static String field(String key, String value) {
        return String.format("%-23s: %s%n", key, value).replace(": \n", ":\n");
    }

    private String dmesg() throws IOException {
        return "(XEN) Xen version " + ctx.scenario().softwareVersion().getOrDefault("xen", "4.7.0") + "\n"
                + "(XEN) Command line: " + xenCommandLine() + "\n"
                + "(XEN) I/O virtualisation " + (ctx.scenario().iommu() ? "enabled" : "disabled") + "\n";
    }

    /** The hypervisor arguments of the boot file's first entry (the simulator boots the first one). */
    String xenCommandLine() throws IOException {
        var path = Boot.bootFilePath(ctx.fs());
        if (path.isEmpty()) return "";
        Matcher m = XEN_LINE.matcher(Files.readString(ctx.fs().follow(path.get()), StandardCharsets.UTF_8));
        return m.find() ? m.group(1).strip() : "";
    }
}
