package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import xenpt.desired.PciAddress;
import xenpt.diag.Diagnostic;
import xenpt.format.otherconfig.OtherConfigPci;
import xenpt.observed.VmRecord;

/**
 * The changes a {@code --target} keeps on one host, with what they depend on. Every check has already run on the whole
 * host (a target never hides an error); here the kept part is checked once more as if it were applied alone, because
 * a part of a safe plan is not always safe: a VM given devices while the hide change that goes with them is left out
 * would take them from dom0's drivers at VM start.
 *
 * <p>Like Terraform's {@code -target}, which includes the target's dependencies, a VM target pulls in the host's hide
 * change (and the reboot that puts it in effect, with {@code reboot: auto}) when its devices are not hidden at boot
 * yet. When the part would still leave a device held by a VM but not hidden at boot, or held by two VMs, where the
 * host did not already have that problem, the host's changes are refused with an error saying what else to target.
 */
final class Targeting {

    /** The changes kept, and the warnings and errors about what the target pulled in or would leave. */
    record Selection(List<Change> changes, List<Diagnostic> diagnostics) {
        Selection {
            changes = List.copyOf(changes);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private Targeting() {}

    /**
     * @param all     every change planned for the host (no errors on it)
     * @param managed uuids of the host's managed VMs
     * @return the changes to keep; none, with an error, when the part would be unsafe
     */
    static Selection select(HostContext ctx, List<Change> all, PlanOptions options, Set<String> managed) {
        List<Change> kept = new ArrayList<>(all.stream().filter(c -> targeted(c, options)).toList());
        if (kept.size() == all.size()) return new Selection(kept, List.of());
        List<Diagnostic> diagnostics = new ArrayList<>();
        Set<PciAddress> bootHidden = ctx.host.boot().hide().devices();
        Set<PciAddress> needed = new TreeSet<>();
        for (Change c : kept) {
            if (c instanceof Change.Assign a) needed.addAll(devices(a.after()));
        }
        needed.removeAll(bootHidden);
        Optional<Change> hide = all.stream().filter(c -> c instanceof Change.Hide).findFirst();
        if (!needed.isEmpty() && hide.isPresent() && !kept.contains(hide.get())) {
            kept.add(hide.get());
            all.stream().filter(c -> c instanceof Change.Reboot).forEach(kept::add);
            diagnostics.add(Diagnostic.warning(ctx.spec.location(), "--target " + targetsOf(ctx, options)
                    + " also takes the hide change of " + ctx.name() + ": " + PciValues.list(needed)
                    + (needed.size() == 1 ? " is" : " are") + " not hidden at boot yet", null));
        }
        List<String> introduced = problems(ctx, kept, managed);
        introduced.removeAll(problems(ctx, List.of(), managed));
        if (introduced.isEmpty()) return new Selection(kept, diagnostics);
        for (String p : introduced) {
            diagnostics.add(Diagnostic.error(ctx.spec.location(), "--target " + targetsOf(ctx, options)
                    + " would apply part of the changes of " + ctx.name() + " and leave " + p,
                    "target the whole host (--target " + ctx.name() + ") or add the other VMs involved"));
        }
        return new Selection(List.of(), diagnostics);
    }

    private static boolean targeted(Change c, PlanOptions options) {
        Optional<String> name = switch (c) {
            case Change.Hide h -> Optional.empty();
            case Change.Reboot r -> Optional.empty();
            case Change.Assign a -> Optional.of(a.vmName());
            case Change.Pin p -> Optional.of(p.vmName());
            case Change.RestartVm r -> Optional.of(r.vmName());
        };
        return options.covers(c.host(), name, Change.vmOf(c));
    }

    /**
     * What is wrong on the host once {@code changes} are applied: a device held by a VM of the host but not hidden at
     * boot, and a device held by more than one VM. One sentence each, so that the sets before and after compare.
     */
    private static List<String> problems(HostContext ctx, List<Change> changes, Set<String> managed) {
        Set<PciAddress> hidden = ctx.host.boot().hide().devices();
        Map<String, List<PciAddress>> held = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (VmRecord vm : ctx.host.vms()) {
            if (managed.contains(vm.uuid()) || UnmanagedVms.belongsHere(ctx, vm)) {
                held.put(vm.uuid(), vm.pci());
                names.put(vm.uuid(), vm.nameLabel());
            }
        }
        for (Change c : changes) {
            switch (c) {
                case Change.Hide h -> hidden = h.afterDevices();
                case Change.Assign a -> held.put(a.vmUuid(), devices(a.after()));
                case Change.Pin p -> { }
                case Change.Reboot r -> { }
                case Change.RestartVm r -> { }
            }
        }
        List<String> out = new ArrayList<>();
        Map<PciAddress, List<String>> holders = new TreeMap<>();
        for (Map.Entry<String, List<PciAddress>> e : held.entrySet()) {
            for (PciAddress d : new TreeSet<>(e.getValue())) {
                String vm = "'" + names.get(e.getKey()) + "'";
                holders.computeIfAbsent(d, k -> new ArrayList<>()).add(vm);
                if (!hidden.contains(d)) {
                    out.add(d + " assigned to VM " + vm + " but not hidden at boot (xenopsd would tear it from its"
                            + " dom0 driver at VM start)");
                }
            }
        }
        holders.forEach((d, vms) -> {
            if (vms.size() > 1) out.add(d + " assigned to " + vms.size() + " VMs: " + vms.stream().sorted().collect(Collectors.joining(", ")));
        });
        return out;
    }

    private static List<PciAddress> devices(Optional<String> pciValue) {
        return pciValue.map(OtherConfigPci::parse).orElse(List.of());
    }

    private static String targetsOf(HostContext ctx, PlanOptions options) {
        return options.targets().stream().filter(t -> t.host().equals(ctx.name())).map(Target::toString)
                .collect(Collectors.joining(", --target "));
    }
}
