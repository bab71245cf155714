package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import xenpt.desired.DesiredState;
import xenpt.desired.HostSpec;
import xenpt.desired.Policy;
import xenpt.diag.Diagnostic;
import xenpt.observed.Observation;

/** (desired, observed) → plan. Pure: no I/O, no clock; equal inputs give equal plans. */
public final class Planner {

    private Planner() {}

    public static Plan plan(DesiredState desired, List<Observation> observed, PlanOptions options) {
        Map<String, Observation> byName = observed.stream()
                .collect(Collectors.toMap(Observation::name, Function.identity(), (a, b) -> a));
        List<HostPlan> hosts = new ArrayList<>();
        for (HostSpec spec : desired.hosts()) {
            if (!options.coversHost(spec.name())) continue;
            Observation o = byName.getOrDefault(spec.name(),
                    new Observation.Unreachable(spec.name(), spec.address(), "not observed"));
            hosts.add(switch (o) {
                case Observation.Unreachable u -> unreachable(spec, u);
                case Observation.Reached r -> planHost(new HostContext(spec, r.host()), options);
            });
        }
        String id = options.planId().orElseGet(() -> derivedId(desired, hosts));
        return new Plan(hosts, id, desired.digest(), desired.commit());
    }

    private static HostPlan unreachable(HostSpec spec, Observation.Unreachable u) {
        return new HostPlan(spec.name(), spec.address(), List.of(),
                List.of(new Status(Status.Kind.UNREACHABLE, u.reason())), List.of(), "", List.of());
    }

    /**
     * The sub-planners in their order, each returning what it found. The hide list check runs before the assignment
     * check and hands it the devices it reported, so that a missing device is reported once.
     */
    private static HostPlan planHost(HostContext ctx, PlanOptions options) {
        VmResolver.Resolved vms = VmResolver.resolve(ctx.spec, ctx.host);
        Set<String> managedUuids = vms.uuids();
        HidePlanner.Result hide = HidePlanner.plan(ctx);
        Findings found = Findings.diagnostics(vms.diagnostics())
                .plus(hide.found())
                .plus(AssignmentPlanner.plan(ctx, vms.managed(), hide))
                .plus(UnmanagedVms.plan(ctx, managedUuids))
                .plus(HostStatuses.report(ctx))
                .plus(Attachment.statuses(vms.managed()))
                .plus(Findings.diagnostics(checkVmTargets(ctx, options)));
        found = RebootPlanner.plan(ctx, found);
        List<Change> changes = List.of();
        if (!found.failed()) {
            Targeting.Selection selected = Targeting.select(ctx, found.changes(), options, managedUuids);
            changes = selected.changes();
            found = found.plus(Findings.diagnostics(selected.diagnostics()));
        }
        var facts = Facts.of(ctx.host);
        return new HostPlan(ctx.name(), ctx.spec.address(), changes, found.statuses(), found.diagnostics(),
                Facts.fingerprint(facts), facts);
    }

    /**
     * A {@code HOST/VM} target that names no VM, neither in the file nor on the host, is a typo: without this error
     * the plan would say "no changes" and exit 0. Unmanaged VMs count, so that a prune can be targeted.
     */
    private static List<Diagnostic> checkVmTargets(HostContext ctx, PlanOptions options) {
        List<Diagnostic> out = new ArrayList<>();
        for (Target t : options.targets()) {
            if (!t.host().equals(ctx.name()) || t.vm().isEmpty()) continue;
            String vm = t.vm().get();
            boolean inFile = ctx.spec.vms().stream().anyMatch(v -> v.name().equals(vm) || v.uuid().equals(t.vm()));
            boolean onHost = ctx.host.vms().stream().anyMatch(v -> v.nameLabel().equals(vm) || v.uuid().equals(vm));
            if (!inFile && !onHost) {
                out.add(Diagnostic.error(null, "--target " + t + " names no VM of " + ctx.name()
                        + ", neither in the desired state nor on the host", "give the VM's name-label or uuid"));
            }
        }
        return out;
    }

    /** A plan id from the inputs alone: the desired digest, each host's fingerprint and its changes. */
    private static String derivedId(DesiredState desired, List<HostPlan> hosts) {
        StringBuilder s = new StringBuilder(desired.digest()).append('\n');
        for (HostPlan h : hosts) {
            s.append(h.name()).append(' ').append(h.fingerprint()).append('\n');
            h.changes().forEach(c -> s.append(c).append('\n'));
        }
        return Facts.sha256(s.toString()).substring(0, 16);
    }
}
