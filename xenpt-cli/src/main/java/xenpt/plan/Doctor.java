package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.HostSpec;
import xenpt.desired.PciAddress;
import xenpt.observed.DoctorReads.Evidence;
import xenpt.observed.ObservedHost;
import xenpt.observed.PowerState;
import xenpt.observed.VmRecord;

/**
 * {@code xenpt doctor}: why passthrough does not work on a host (or for one VM of it), from an observation and the
 * doctor's extra reads. Pure: equal inputs give equal reports.
 */
public final class Doctor {

    private Doctor() {}

    /**
     * @param spec the host's desired state: its VMs belong here wherever they are pinned
     * @param vm   a VM's name-label or uuid to look at; empty: every VM of this host with a device of it
     */
    public static DoctorReport examine(HostSpec spec, ObservedHost host, Evidence evidence, Optional<String> vm) {
        List<VmRecord> hostVms = new ArrayList<>();
        for (VmRecord v : host.vms()) {
            if (v.pci().stream().anyMatch(d -> host.device(d).isPresent()) && belongsHere(spec, host, v)) hostVms.add(v);
        }
        List<VmRecord> vms = hostVms.stream()
                .filter(v -> vm.isEmpty() || vm.get().equals(v.nameLabel()) || vm.get().equals(v.uuid())).toList();
        Set<PciAddress> assigned = new TreeSet<>();
        vms.forEach(v -> assigned.addAll(v.pci()));
        List<DoctorReport.Finding> findings = new ArrayList<>(DoctorHost.examine(host, evidence));
        findings.addAll(DoctorVms.examine(host, evidence, vms, hostVms));
        DoctorHost.nvme(host, evidence, assigned).ifPresent(findings::add);
        return new DoctorReport(host.name(), vm, findings);
    }

    /**
     * In a pool every member lists every VM, and members often have the same device at the same address: a VM is
     * this host's when the desired state puts it here, or it runs here, or it is pinned here, or it is pinned nowhere
     * and halted (it may start anywhere). A VM pinned to another member is that member's.
     */
    private static boolean belongsHere(HostSpec spec, ObservedHost host, VmRecord v) {
        String here = host.info().hostUuid();
        boolean managed = spec.vms().stream().anyMatch(s -> s.uuid().map(v.uuid()::equals).orElse(s.name().equals(v.nameLabel())));
        boolean runsHere = v.powerState() != PowerState.HALTED && v.residentOn().equals(here);
        boolean free = v.affinity().isEmpty() && (v.powerState() == PowerState.HALTED || v.residentOn().equals(here));
        return managed || runsHere || v.affinity().equals(here) || free;
    }

    /** Whether {@code vm} names a VM of the host (by name-label or uuid). */
    public static boolean knows(ObservedHost host, String vm) {
        return host.vms().stream().anyMatch(v -> v.nameLabel().equals(vm) || v.uuid().equals(vm));
    }
}
