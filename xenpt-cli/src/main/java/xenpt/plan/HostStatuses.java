package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.PciAddress;
import xenpt.diag.Diagnostic;
import xenpt.format.hide.HideList;
import xenpt.observed.ObservedHost;
import xenpt.observed.RuntimeState;

/** The running kernel versus the boot configuration: pending reboot and pciback health. */
final class HostStatuses {

    private HostStatuses() {}

    static Findings report(HostContext ctx) {
        List<Status> statuses = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        RuntimeState run = ctx.host.runtime();
        HideList boot = ctx.host.boot().hide();
        if (!run.pcibackLoaded()) {
            String why = run.cmdlineHide().present() && !run.cmdlineHide().valid()
                    ? "the running hide list '" + run.cmdlineHide().raw() + "' does not parse"
                    : "/sys/bus/pci/drivers/pciback does not exist";
            statuses.add(new Status(Status.Kind.PCIBACK_NOT_LOADED, why));
            diagnostics.add(Diagnostic.warning(ctx.spec.location(), "pciback is not loaded on " + ctx.name() + ": " + why,
                    "VMs with PCI devices fail to start ('pciback has not loaded') until the host boots with a valid hide list"));
        }
        pendingReboot(ctx.host).ifPresent(m -> statuses.add(new Status(Status.Kind.PENDING_REBOOT, m)));
        return new Findings(List.of(), statuses, diagnostics);
    }

    /**
     * Why the host needs a reboot for its boot configuration to be in effect, if it does: the boot hide list differs
     * from the running kernel line's, or pciback has not bound a hidden device that exists. A hidden device that lspci
     * does not list can never be bound, so it does not count (or every apply would reboot again).
     */
    static java.util.Optional<String> pendingReboot(ObservedHost host) {
        HideList boot = host.boot().hide();
        RuntimeState run = host.runtime();
        if (!boot.devices().equals(run.cmdlineHide().devices()) || boot.valid() != run.cmdlineHide().valid()) {
            return java.util.Optional.of("the boot hide list " + shown(boot) + " is not the running kernel's "
                    + shown(run.cmdlineHide()));
        }
        if (!boot.valid() || !run.pcibackLoaded()) return java.util.Optional.empty();
        Set<PciAddress> unbound = new TreeSet<>();
        for (PciAddress d : boot.devices()) {
            if (host.device(d).isPresent() && !run.pcibackBound().contains(d)) unbound.add(d);
        }
        if (unbound.isEmpty()) return java.util.Optional.empty();
        return java.util.Optional.of("pciback has not bound " + PciValues.list(unbound) + " yet");
    }

    private static String shown(HideList list) {
        return list.present() ? "'" + list.raw() + "'" : "(none)";
    }
}
