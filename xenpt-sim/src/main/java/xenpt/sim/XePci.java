package xenpt.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The xapi PCI API of XCP-ng 8.3 / xapi ≥ 24.14 (xen-facts §5): {@code pci-list}, {@code pci-param-*} and the dom0
 * access commands, which edit the hide list through xen-cmdline and compute their status from {@code /proc/cmdline}
 * and the boot file exactly as {@code xapi_pci_helpers.ml} does.
 */
final class XePci {

    private final HostContext ctx;
    private final XeTable<HostTables.PciObject> table;

    XePci(HostContext ctx) {
        this.ctx = ctx;
        this.table = HostTables.pci(ctx.scenario());
    }

    Outcome run(String cmd, XeArgs args) throws IOException {
        List<HostTables.PciObject> all = HostTables.pciObjects(ctx.scenario(), ctx.state());
        if (cmd.equals("pci-list")) return ctx.pool().pooled() ? PoolTables.pcis(ctx, args) : table.list(all, args);
        Optional<String> uuid = args.get("uuid");
        if (uuid.isEmpty()) return XeFormat.requiredParameter("uuid");
        Optional<HostTables.PciObject> pci = all.stream().filter(p -> p.uuid().equals(uuid.get())).findFirst();
        if (pci.isEmpty()) return XeFormat.uuidInvalid("PCI", uuid.get());
        String id = pci.get().dev().slot();
        return switch (cmd) {
            case "pci-param-get" -> table.paramGet(pci.get(), args);
            case "pci-param-list" -> table.paramList(pci.get());
            case "pci-get-dom0-access-status" -> status(id);
            case "pci-disable-dom0-access" -> change(id, true);
            default -> change(id, false);
        };
    }

    private Outcome change(String id, boolean hide) throws IOException {
        return ctx.store().locked(() -> {
            Optional<List<String>> hidden = hiddenInBootFile();
            if (hidden.isEmpty()) return badHideList();
            List<String> next = new ArrayList<>(hidden.get());
            next.remove(id);
            if (hide) next.add(0, id);
            if (!next.equals(hidden.get())) {
                XenCmdline tool = new XenCmdline(ctx);
                Outcome o = next.isEmpty() ? tool.run(List.of("--delete-dom0", "xen-pciback.hide"))
                        : tool.run(List.of("--set-dom0", "xen-pciback.hide="
                                + String.join("", next.stream().map(d -> "(" + d + ")").toList())));
                if (o.effect() == Outcome.Effect.DROP) return o; // the write was made, the xe client's answer is lost
                if (o.exit() != 0) return XeFormat.internalError(8, "Failure: xen-cmdline failed: " + o.err().strip());
            }
            return status(id);
        });
    }

    /** (in /proc/cmdline, in the boot file): (t,t) disabled, (f,t) disable_on_reboot, (f,f) enabled, else enable_on_reboot. */
    private Outcome status(String id) throws IOException {
        Optional<List<String>> inGrub = hiddenInBootFile();
        if (inGrub.isEmpty()) return badHideList();
        String cmdline = Files.readString(ctx.fs().follow("/proc/cmdline"), StandardCharsets.UTF_8).strip();
        boolean inCmdline = false;
        for (String token : cmdline.split(" ")) {
            if (token.startsWith("xen-pciback.hide=") && token.substring(17).contains(id)) inCmdline = true;
        }
        boolean grub = inGrub.get().contains(id);
        String word = inCmdline ? (grub ? "disabled" : "enable_on_reboot") : (grub ? "disable_on_reboot" : "enabled");
        return Outcome.ok(word + "\n");
    }

    /**
     * {@code get_hidden_pcidevs}: the value read with xen-cmdline as consecutive fixed 14-character
     * {@code (%04x:%02x:%02x.%01x)} entries; anything else makes xapi's Scanf fail (empty result).
     */
    private Optional<List<String>> hiddenInBootFile() throws IOException {
        String arg = new XenCmdline(ctx).getDom0("xen-pciback.hide");
        String value = arg.startsWith("xen-pciback.hide=") ? arg.substring(17) : "";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.length(); i += 14) {
            if (i + 14 > value.length()) return Optional.empty();
            String entry = value.substring(i, i + 14);
            if (!entry.matches("\\([0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-9a-fA-F]\\)")) {
                return Optional.empty();
            }
            out.add(entry.substring(1, 13).toLowerCase());
        }
        return Optional.of(out);
    }

    private Outcome badHideList() {
        return XeFormat.internalError(8, "Scanf.Scan_failure(\"scanf: bad input at char number 0: looking for '('\")");
    }
}
