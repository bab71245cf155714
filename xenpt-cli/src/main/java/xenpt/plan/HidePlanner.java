package xenpt.plan;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.HideEntry;
import xenpt.desired.PciAddress;
import xenpt.diag.Diagnostic;
import xenpt.diag.Location;
import xenpt.format.hide.HideList;

/**
 * The hide list of one host: checks each desired entry against the hardware and against what dom0 itself needs,
 * and plans a {@link Change.Hide} when the boot configuration's set differs (order is not meaningful) or does not
 * parse. A host without {@code hide} in the file keeps its boot configuration.
 */
final class HidePlanner {

    /**
     * What the hide list check found, and the devices it reported missing or mismatching: the assignment check
     * ({@link AssignmentPlanner}) runs after it and does not report them again.
     */
    record Result(Findings found, Set<PciAddress> reported) {
        Result {
            java.util.Objects.requireNonNull(found, "found");
            reported = Set.copyOf(reported);
        }
    }

    private HidePlanner() {}

    static Result plan(HostContext ctx) {
        Optional<List<HideEntry>> wanted = ctx.spec.hide();
        if (wanted.isEmpty()) return new Result(Findings.diagnostics(bootListBroken(ctx)), Set.of());
        DeviceChecks checks = new DeviceChecks(ctx, Set.of());
        Set<PciAddress> after = new TreeSet<>();
        for (HideEntry e : wanted.get()) {
            after.add(e.address());
            if (checks.present(e.address(), e.id(), e.location())) checkDom0Needs(checks, e.address(), e.location());
        }
        warnPartial(checks, wanted.get(), after);
        HideList boot = ctx.host.boot().hide();
        List<Change> changes = List.of();
        if (!boot.valid() || !boot.devices().equals(after)) {
            Optional<String> beforeRaw = boot.present() ? Optional.of(boot.raw()) : Optional.empty();
            changes = List.of(new Change.Hide(ctx.name(), beforeRaw, boot.devices(), after, reason(boot, after)));
        }
        return new Result(new Findings(changes, List.of(), checks.diagnostics()), checks.reported());
    }

    /** Errors when dom0 itself needs {@code address}; shared with the apply-time check ({@link Guards}). */
    static void checkDom0Needs(DeviceChecks checks, PciAddress address, Location at) {
        HostContext ctx = checks.ctx;
        if (ctx.host.managementDevices().contains(address)) {
            checks.add(Diagnostic.error(at, address + " is the management interface's NIC on "
                    + ctx.name() + "; hiding it would cut the host off", "remove it from hide"));
        }
        if (ctx.host.rootDiskDevices().contains(address)) {
            checks.add(Diagnostic.error(at, address + " is the controller of the dom0 root disk on "
                    + ctx.name() + "; hiding it would leave dom0 without its disk", "remove it from hide"));
        }
        boolean network = ctx.host.device(address).map(d -> d.classCode().startsWith("02")).orElse(false);
        if (network && ctx.host.managementDevices().isEmpty()) {
            // A bonded or VLAN management interface has no PCI device of its own that xenpt can see.
            checks.add(Diagnostic.warning(at, address + " is a network controller and the PCI device"
                    + " behind the management interface of " + ctx.name() + " is unknown (a bond or a VLAN?), so xenpt"
                    + " cannot check that hiding it leaves the host reachable",
                    "make sure it is not a member of the management interface"));
        }
    }

    /** Hiding one function of a multi-function device leaves the others to dom0 while the device is reset for a VM. */
    private static void warnPartial(DeviceChecks checks, List<HideEntry> entries, Set<PciAddress> hidden) {
        HostContext ctx = checks.ctx;
        Set<PciAddress> warnedSlots = new TreeSet<>();
        for (HideEntry e : entries) {
            Set<PciAddress> missing = new TreeSet<>(ctx.siblings(e.address()));
            missing.removeAll(hidden);
            PciAddress slot = new PciAddress(e.address().domain(), e.address().bus(), e.address().device(), 0);
            if (missing.isEmpty() || !warnedSlots.add(slot)) continue;
            checks.add(Diagnostic.warning(e.location(), e.address() + " is one function of a multi-function device on "
                    + ctx.name() + "; " + PciValues.list(missing) + (missing.size() == 1 ? " is" : " are") + " not hidden",
                    "hide every function of the device"));
        }
    }

    /** A host without a hide list in the file keeps its boot list: a warning when that one does not parse. */
    private static List<Diagnostic> bootListBroken(HostContext ctx) {
        HideList boot = ctx.host.boot().hide();
        if (!boot.present() || boot.valid()) return List.of();
        return List.of(Diagnostic.warning(ctx.spec.location(), "the boot hide list '" + boot.raw() + "' of "
                + ctx.name() + " does not parse; pciback will not load after the next reboot",
                "give the host a hide list in the desired state so xenpt rewrites it"));
    }

    private static String reason(HideList boot, Set<PciAddress> after) {
        if (!boot.valid()) return "the boot hide list '" + boot.raw() + "' does not parse";
        Set<PciAddress> added = new TreeSet<>(after);
        added.removeAll(boot.devices());
        Set<PciAddress> removed = new TreeSet<>(boot.devices());
        removed.removeAll(after);
        StringBuilder s = new StringBuilder();
        if (!added.isEmpty()) s.append("hide ").append(PciValues.list(added));
        if (!removed.isEmpty()) s.append(s.isEmpty() ? "" : "; ").append("release ").append(PciValues.list(removed));
        return s.toString();
    }
}
