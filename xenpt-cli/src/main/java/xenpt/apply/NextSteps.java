package xenpt.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.DesiredState;
import xenpt.desired.HostSpec;
import xenpt.desired.SshSettings;
import xenpt.format.journal.RebootTrace.TracedVm;
import xenpt.plan.Change;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;
import xenpt.plan.Status;
import xenpt.transport.Command;

/**
 * What is left to do by hand after an apply, from the plan's changes, what was done, and the policies: a change
 * planned only when a policy is {@code auto} (reboot, restart-vm) is absent from the plan under {@code manual}.
 *
 * <ul>
 *   <li>A host whose boot hide list was written (or was already pending) and that xenpt did not reboot needs a reboot:
 *       {@code reboot}, as xenpt itself reboots a host (xen-facts §9.3: hide changes take effect at boot).
 *   <li>A running VM whose {@code other-config:pci} was written and that xenpt did not restart needs a halt and a start
 *       (xen-facts §2: halt → start is the only reliable path): {@code xe vm-shutdown} then {@code xe vm-start}. When
 *       the host reboots (by xenpt or by the step above) the reboot halts the VM, so only the start is left.
 *       {@code vm-start on=HOST-UUID} starts it on the host that owns its devices (xen-facts §2, §11; xapi's
 *       {@code cli_frontend.ml}: "the host on which to start can be specified with the 'on' parameter that takes a
 *       uuid").
 * </ul>
 * A host whose apply failed gets no next step: running apply again is what it needs.
 */
public final class NextSteps {


    private NextSteps() {}

    public static List<NextStep> of(Plan plan, ApplyReport report, DesiredState desired) {
        List<NextStep> out = new ArrayList<>();
        for (HostResult r : report.hosts()) {
            Optional<HostPlan> h = plan.host(r.name());
            Optional<HostSpec> spec = desired.host(r.name());
            if (r.failed() || h.isEmpty() || spec.isEmpty()) continue;
            out.addAll(forHost(h.get(), r, spec.get()));
        }
        return out;
    }

    private static List<NextStep> forHost(HostPlan h, HostResult r, HostSpec spec) {
        List<NextStep> out = new ArrayList<>();
        boolean autoReboot = h.changes().stream().anyMatch(c -> c instanceof Change.Reboot);
        boolean hideWritten = done(r).stream().anyMatch(c -> c instanceof Change.Hide);
        boolean pending = h.statuses().stream().anyMatch(s -> s.kind() == Status.Kind.PENDING_REBOOT);
        boolean rebootByHand = !autoReboot && (hideWritten || pending);
        boolean rebooted = done(r).stream().anyMatch(c -> c instanceof Change.Reboot);
        if (rebootByHand) {
            out.add(step(spec, NextStep.Kind.REBOOT, Optional.empty(), "reboot " + spec.name() + " so that its boot"
                    + " hide list takes effect (reboot: manual); the reboot halts its VMs", List.of("reboot")));
        }
        Set<String> restartedByXenpt = new TreeSet<>();
        h.changes().stream().filter(c -> c instanceof Change.RestartVm).forEach(c -> restartedByXenpt.add(Change.vmOf(c).orElseThrow()));
        String hostUuid = xenpt.plan.Facts.hostValue(h.facts(), "host-uuid");
        for (Change c : done(r)) {
            if (!(c instanceof Change.Assign a) || !a.needs().contains(Change.Need.VM_RESTART)
                    || restartedByXenpt.contains(a.vmUuid()) || (rebooted && !leftHalted(r, a.vmUuid()))) continue;
            String start = "xe vm-start uuid=" + a.vmUuid() + (hostUuid.isEmpty() ? "" : " on=" + hostUuid);
            boolean halted = rebootByHand || rebooted;
            List<String> commands = halted ? List.of(start) : List.of("xe vm-shutdown uuid=" + a.vmUuid(), start);
            String what = (halted ? (rebootByHand ? "after the reboot, start" : "start") + " VM '" + a.vmName()
                    + "' (halted by the reboot)" : "halt and start VM '" + a.vmName() + "'")
                    + " so that it runs with its new devices (vmRestart: manual)";
            out.add(step(spec, NextStep.Kind.RESTART_VM, Optional.of(a), what, commands));
        }
        out.addAll(leftHalted(r, spec, hostUuid, out));
        return out;
    }

    /**
     * After xenpt's reboot a VM it did not leave halted runs again (started by xapi's {@code auto_poweron} at boot,
     * docs/xen-facts-additions.md, or never shut down): no start to list.
     */
    private static boolean leftHalted(HostResult r, String vmUuid) {
        return r.leftHalted().stream().anyMatch(v -> v.uuid().equals(vmUuid));
    }

    /** VMs the reboot shut down and left halted under {@code vmRestart: manual}, not listed above already. */
    private static List<NextStep> leftHalted(HostResult r, HostSpec spec, String hostUuid, List<NextStep> listed) {
        List<NextStep> out = new ArrayList<>();
        for (TracedVm vm : r.leftHalted()) {
            if (listed.stream().anyMatch(s -> s.vmUuid().equals(Optional.of(vm.uuid())))) continue;
            List<String> commands = List.of("xe vm-start uuid=" + vm.uuid() + (hostUuid.isEmpty() ? "" : " on=" + hostUuid));
            List<String> ssh = spec.simulated() ? List.of() : commands.stream().map(c -> ssh(spec, c)).toList();
            out.add(new NextStep(spec.name(), NextStep.Kind.RESTART_VM, Optional.of(vm.uuid()), Optional.of(vm.name()),
                    "start VM '" + vm.name() + "' on " + spec.name() + " (shut down for the reboot; vmRestart: manual)",
                    commands, ssh));
        }
        return out;
    }

    private static NextStep step(HostSpec spec, NextStep.Kind kind, Optional<Change.Assign> vm, String what,
            List<String> commands) {
        List<String> ssh = spec.simulated() ? List.of() : commands.stream().map(c -> ssh(spec, c)).toList();
        return new NextStep(spec.name(), kind, vm.map(Change.Assign::vmUuid), vm.map(Change.Assign::vmName), what,
                commands, ssh);
    }

    /** The changes of a host's apply that were carried out. */
    private static List<Change> done(HostResult r) {
        return r.steps().stream().filter(s -> s.state() == Step.State.DONE).flatMap(s -> s.change().stream()).toList();
    }

    /**
     * {@code ssh [-p PORT] [-i KEY] [-o UserKnownHostsFile=FILE] USER@ADDRESS 'COMMAND'}: how xenpt reaches the
     * host, for OpenSSH; a password (passwordEnv) is asked for by ssh itself.
     */
    static String ssh(HostSpec spec, String command) {
        SshSettings s = spec.ssh();
        StringBuilder b = new StringBuilder("ssh");
        if (s.port() != 22) b.append(" -p ").append(s.port());
        if (s.identityFile() != null) b.append(" -i ").append(quote(s.identityFile()));
        if (s.knownHosts() != null) b.append(" -o ").append(quote("UserKnownHostsFile=" + s.knownHosts()));
        b.append(' ').append(quote(s.user() + "@" + spec.address()));
        return b.append(' ').append(quote(command)).toString();
    }

    /**
     * A POSIX shell word: as is when safe, else in single quotes; {@code ~/} stays outside the quotes so the shell
     * still expands it, as xenpt does for these paths.
     */
    public static String quote(String word) {
        return word.startsWith("~/") ? "~/" + Command.quote(word.substring(2)) : Command.quote(word);
    }
}
