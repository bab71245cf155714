package xenpt.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import xenpt.desired.PciAddress;
import xenpt.format.journal.RebootTrace;
import xenpt.format.journal.RebootTrace.TracedVm;
import xenpt.format.hide.HideList;
import xenpt.observed.ObservationException;
import xenpt.observed.ObservedHost;
import xenpt.observed.Observer;
import xenpt.observed.RuntimeState;
import xenpt.plan.PciValues;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The reboot step (SPEC §5 step 5): {@link RebootPrep} (HA refusal; in a pool disable the host, shut down the pinned
 * VMs, evacuate the others; standalone: shut down every running VM), reboot, wait until the host answers with a new
 * boot id and xe works, keep the lock, check that the running kernel has the boot hide list and pciback bound its
 * devices, then {@link RebootFinish} (enable the host, start on it the VMs shut down, or leave them halted under
 * {@code vmRestart: manual}). Every stage goes to the journal trace first; a trace left unfinished by an earlier
 * apply is carried on. One host of an apply reboots at a time ({@link RebootSlot}), so a fleet never loses more than
 * one host at once.
 */
final class Rebooter {

    /** Reads the host as it is now. */
    interface Observe {
        ObservedHost now() throws TransportException, ObservationException;
    }

    /** @param started VMs started again after the reboot (their pending restarts are done by it) */
    record Rebooted(Set<String> started, List<TracedVm> leftHalted, String note) {}

    private final String host;
    private final Link link;
    private final ApplyOptions options;
    private final RebootSlot reboots;
    private final Consumer<String> progress;

    Rebooter(String host, Link link, ApplyOptions options, RebootSlot reboots, Consumer<String> progress) {
        this.host = host;
        this.link = link;
        this.options = options;
        this.reboots = reboots;
        this.progress = progress;
    }

    Rebooted reboot(Observe observe, HostLock lock, VmOps vms, boolean restartVms, String planId)
            throws ApplyException, TransportException, ObservationException, InterruptedException {
        ObservedHost before = observe.now();
        String hostUuid = before.info().hostUuid();
        HostXe xapi = new HostXe(link, hostUuid);
        RebootTraceLog trace = new RebootTraceLog(link, options.clock(), planId, before.runtime().bootId(), restartVms,
                before.reboot().unfinished().orElse(null));
        reboots.enter(host, progress);
        boolean back = true;
        List<String> notes;
        try {
            notes = prepare(before, trace, vms, xapi);
            trace.stage(RebootTrace.Stage.REBOOTING);
            progress.accept(host + ": rebooting");
            sendReboot(); // throws only when the host refused the reboot: then it is not going down
            back = false;
            waitForNewBoot(before.runtime().bootId());
            back = true;
        } finally {
            reboots.leave(host, back);
        }
        // The lock first: a reboot clears /var/lock (tmpfs); if the check below fails, the release must find this lock.
        lock.reassert(link.session());
        trace.stage(RebootTrace.Stage.BACK);
        verifyPciback(observe.now());
        RebootFinish.Done done = RebootFinish.finish(trace, xapi, vms, hostUuid);
        notes.add(done.note());
        return new Rebooted(done.started(), done.leftHalted(),
                String.join("; ", notes.stream().filter(n -> !n.isEmpty()).toList()));
    }

    /** {@link RebootPrep}; when it is refused, the host is put back as it was (enabled, its VMs started) first. */
    private List<String> prepare(ObservedHost before, RebootTraceLog trace, VmOps vms, HostXe xapi)
            throws ApplyException, TransportException {
        try {
            return new ArrayList<>(RebootPrep.prepare(before, trace, vms, xapi, options.forceShutdown(), progress));
        } catch (ApplyException refused) {
            if (trace.trace().stage() == RebootTrace.Stage.STARTED && !trace.trace().hostDisabled()
                    && trace.trace().shutDown().isEmpty()) {
                throw refused; // nothing was touched (HA): no trace to finish
            }
            RebootFinish.finish(trace, xapi, vms, before.info().hostUuid());
            progress.accept(host + ": not rebooted; the host is enabled again and the VMs xenpt shut down are started"
                    + " again (vmRestart: auto) or left halted");
            if (refused instanceof ApplyException.CommandFailed) throw refused;
            throw new ApplyException(refused.getMessage() + "; the host was not rebooted"
                    + (trace.trace().restart() ? ", and what xenpt had shut down or disabled was started and enabled again" : ""),
                    refused);
        }
    }

    private void sendReboot() throws ApplyException, TransportException {
        try {
            HostSession s = link.session();
            CommandResult r = s.run(Command.of("reboot"));
            if (!r.ok()) throw Remote.failed(s, "reboot", r);
        } catch (TransportException e) {
            // The host may drop the connection before it answers; the new boot id tells whether it rebooted.
            if (Link.causedByInterrupt(e)) Thread.currentThread().interrupt(); // stopped: the wait ends at once
        }
        link.drop();
    }

    /** Polls until the host answers with another boot id and {@code xe} works, or the reboot timeout passes. */
    private void waitForNewBoot(String oldBootId) throws ApplyException, InterruptedException {
        long deadline = System.nanoTime() + options.rebootTimeout().toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            Thread.sleep(options.pollInterval().toMillis());
            try {
                HostSession s = link.session();
                String bootId = Observer.bootId(s);
                if (bootId.equals(oldBootId) || bootId.isEmpty()) {
                    last = "the host has not gone down yet";
                } else if (s.run(Command.of("xe", "vm-list", "params=uuid", "--minimal")).ok()) {
                    progress.accept(host + ": back after the reboot (boot id " + bootId + ")");
                    return;
                } else {
                    last = "xe does not answer yet";
                }
            } catch (TransportException e) {
                if (Link.causedByInterrupt(e)) throw new InterruptedException("stopped while waiting for the reboot");
                last = e.getMessage();
            }
            link.drop();
        }
        throw new ApplyException(host + ": the host did not come back within " + Durations.format(options.rebootTimeout())
                + " after the reboot (last: " + last + ")");
    }

    /** The running kernel must have the boot hide list, and pciback must have bound every hidden device there is. */
    private void verifyPciback(ObservedHost after) throws ApplyException {
        HideList boot = after.boot().hide();
        RuntimeState run = after.runtime();
        if (!boot.devices().equals(run.cmdlineHide().devices())) {
            throw new ApplyException(host + ": after the reboot the running hide list '" + run.cmdlineHide().raw()
                    + "' is not the boot hide list '" + boot.raw() + "'");
        }
        if (!boot.valid() || boot.devices().isEmpty()) return;
        if (!run.pcibackLoaded()) throw new ApplyException(host + ": pciback is not loaded after the reboot");
        Set<PciAddress> unbound = new TreeSet<>();
        for (PciAddress d : boot.devices()) {
            if (after.device(d).isPresent() && !run.pcibackBound().contains(d)) unbound.add(d);
        }
        if (!unbound.isEmpty()) {
            throw new ApplyException(host + ": after the reboot pciback has not bound " + PciValues.list(unbound));
        }
    }
}
