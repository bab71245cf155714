package xenpt.plan;

import java.util.Optional;
import xenpt.desired.Policy;
import xenpt.diag.Diagnostic;
import xenpt.format.journal.RebootTrace;
import xenpt.observed.PowerState;
import xenpt.observed.VmRecord;

/**
 * The reboot of a host in its plan. With {@code reboot: auto}, a reboot when a change or a pending boot configuration
 * needs one, its reason saying what it does with the running VMs ({@link RebootVms}); a host of an HA pool is an
 * error instead. Without a reboot to plan, a reboot an earlier apply left unfinished (its trace in the host journal)
 * is finished: the VMs it shut down and that are still halted are started again ({@code vmRestart: auto}).
 */
final class RebootPlanner {

    private RebootPlanner() {}

    static Findings plan(HostContext ctx, Findings found) {
        boolean rebootWanted = found.changes().stream().anyMatch(c -> c.needs().contains(Change.Need.REBOOT))
                || found.statuses().stream().anyMatch(s -> s.kind() == Status.Kind.PENDING_REBOOT);
        if (!rebootWanted || ctx.spec.policy().reboot() != Policy.Mode.AUTO) return found.plus(resume(ctx, found));
        Optional<String> ha = RebootVms.haRefusal(ctx.host);
        if (ha.isPresent()) {
            return found.plus(Findings.diagnostics(java.util.List.of(Diagnostic.error(null, ha.get(),
                    "HA must be off for xenpt to reboot a host (xe pool-ha-disable); or reboot: manual"))));
        }
        boolean restart = ctx.spec.policy().vmRestart() == Policy.Mode.AUTO;
        return found.plusChange(new Change.Reboot(ctx.name(), "reboot: auto, and the boot hide list is not yet in effect; "
                + RebootVms.of(ctx.host).describe(restart)));
    }

    private static Findings resume(HostContext ctx, Findings found) {
        Optional<RebootTrace> unfinished = ctx.host.reboot().unfinished();
        if (unfinished.isEmpty() || !unfinished.get().restart()
                || ctx.spec.policy().vmRestart() != Policy.Mode.AUTO) {
            return Findings.NONE;
        }
        Findings out = Findings.NONE;
        for (RebootTrace.TracedVm t : unfinished.get().shutDown()) {
            boolean halted = ctx.host.vms().stream()
                    .anyMatch(v -> v.uuid().equals(t.uuid()) && v.powerState() == PowerState.HALTED);
            boolean planned = found.changes().stream()
                    .anyMatch(c -> c instanceof Change.RestartVm r && r.vmUuid().equals(t.uuid()));
            if (!halted || planned) continue;
            String name = ctx.host.vms().stream().filter(v -> v.uuid().equals(t.uuid())).map(VmRecord::nameLabel)
                    .findFirst().orElse(t.name());
            out = out.plusChange(new Change.RestartVm(ctx.name(), t.uuid(), name,
                    "shut down by a xenpt reboot that was interrupted; started again on this host"));
        }
        return out;
    }
}
