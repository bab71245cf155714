package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import xenpt.desired.DesiredState;
import xenpt.desired.HideEntry;
import xenpt.desired.HostSpec;
import xenpt.desired.PciAddress;
import xenpt.desired.VmSpec;
import xenpt.diag.Diagnostic;
import xenpt.format.hide.HideList;
import xenpt.format.hide.HideValue;
import xenpt.format.otherconfig.OtherConfigPci;
import xenpt.observed.Observation;
import xenpt.observed.VmRecord;
import xenpt.plan.DriftReport.Category;
import xenpt.plan.DriftReport.Item;

/** Classifies every difference between the desired state and the hosts (SPEC §4 drift). Pure. */
public final class Drift {

    private Drift() {}

    public static DriftReport classify(DesiredState desired, List<Observation> observed) {
        Map<String, Observation> byName = observed.stream()
                .collect(Collectors.toMap(Observation::name, Function.identity(), (a, b) -> a));
        List<DriftReport.HostDrift> hosts = new ArrayList<>();
        for (HostSpec spec : desired.hosts()) {
            Observation o = byName.getOrDefault(spec.name(),
                    new Observation.Unreachable(spec.name(), spec.address(), "not observed"));
            List<Item> items = switch (o) {
                case Observation.Unreachable u -> List.of(new Item(Category.UNREACHABLE, spec.name(), u.reason()));
                case Observation.Reached r -> items(new HostContext(spec, r.host()));
            };
            hosts.add(new DriftReport.HostDrift(spec.name(), spec.address(), items));
        }
        return new DriftReport(hosts, desired.digest(), desired.commit());
    }

    private static List<Item> items(HostContext ctx) {
        List<Item> items = new ArrayList<>();
        hardware(ctx, items);
        bootConfig(ctx, items);
        assignments(ctx, items);
        return items;
    }

    private static void hardware(HostContext ctx, List<Item> items) {
        DeviceChecks checks = new DeviceChecks(ctx, Set.of());
        ctx.spec.hide().ifPresent(l -> l.forEach(e -> checks.present(e.address(), e.id(), e.location())));
        ctx.spec.vms().forEach(vm -> vm.pci().forEach(d -> checks.present(d, Optional.empty(), vm.location())));
        for (Diagnostic d : checks.diagnostics()) {
            String device = d.message().substring(0, d.message().indexOf(' '));
            items.add(new Item(Category.HARDWARE, device, d.message()).aboutDevice(device));
        }
    }

    private static void bootConfig(HostContext ctx, List<Item> items) {
        HideList boot = ctx.host.boot().hide();
        Optional<Set<PciAddress>> wanted = ctx.spec.hide().map(l -> {
            Set<PciAddress> s = new TreeSet<>();
            l.stream().map(HideEntry::address).forEach(s::add);
            return s;
        });
        if (wanted.isPresent() && (!boot.valid() || !boot.devices().equals(wanted.get()))) {
            String is = boot.present() ? "'" + boot.raw() + "'" + (boot.valid() ? "" : " (does not parse)") : "absent";
            String want = wanted.get().isEmpty() ? "absent" : "'" + HideValue.format(wanted.get()) + "'";
            items.add(new Item(Category.BOOT_CONFIG, ctx.name(), "the boot hide list is " + is + "; desired " + want)
                    .aboutField("boot-hide-list"));
            return;
        }
        HostStatuses.pendingReboot(ctx.host).ifPresent(m -> items.add(new Item(Category.PENDING_REBOOT, ctx.name(), m)));
    }

    private static void assignments(HostContext ctx, List<Item> items) {
        VmResolver.Resolved resolved = VmResolver.resolve(ctx.spec, ctx.host);
        Map<VmSpec, VmRecord> managed = resolved.managed();
        for (Diagnostic d : resolved.diagnostics()) {
            items.add(new Item(Category.ASSIGNMENT, ctx.name(), d.message()));
        }
        Set<String> managedUuids = new TreeSet<>();
        managed.forEach((spec, vm) -> {
            managedUuids.add(vm.uuid());
            String subject = "vm '" + spec.name() + "'";
            Optional<String> want = spec.pci().isEmpty() ? Optional.empty() : Optional.of(OtherConfigPci.format(spec.pci()));
            if (!vm.pciRaw().equals(want)) {
                items.add(new Item(Category.ASSIGNMENT, subject, "other-config:pci is " + quoted(vm.pciRaw())
                        + "; desired " + quoted(want)).aboutVm(vm.uuid(), "other-config:pci"));
            }
            if (!spec.pci().isEmpty() && !vm.affinity().equals(ctx.hostUuid())) {
                items.add(new Item(Category.ASSIGNMENT, subject, "affinity is " + (vm.affinity().isEmpty() ? "unset"
                        : vm.affinity()) + "; desired " + ctx.hostUuid() + " (" + ctx.name() + ")").aboutVm(vm.uuid(), "affinity"));
            }
        });
        for (Attachment.Missing m : Attachment.check(managed)) {
            items.add(new Item(Category.NOT_ATTACHED, "vm '" + m.vmName() + "'", m.message()));
        }
        for (VmRecord vm : ctx.host.vms()) {
            if (managedUuids.contains(vm.uuid()) || !AssignmentPlanner.holdsDevices(vm) || !UnmanagedVms.belongsHere(ctx, vm)) continue;
            items.add(new Item(Category.UNMANAGED, "vm '" + vm.nameLabel() + "'", "VM " + vm.uuid() + " holds '"
                    + vm.pciRaw().orElse("") + "' and is not in the desired state").aboutVm(vm.uuid(), "other-config:pci"));
        }
    }

    private static String quoted(Optional<String> raw) {
        return raw.map(r -> "'" + r + "'").orElse("absent");
    }
}
