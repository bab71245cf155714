package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.PciAddress;
import xenpt.observed.DoctorReads.Evidence;
import xenpt.observed.ObservedHost;
import xenpt.observed.VmRecord;

/**
 * {@code xenpt doctor}: why passthrough does not work on a host (or for one VM of it), from an observation and the
 * doctor's extra reads. Pure: equal inputs give equal reports.
 */
public final class Doctor {

    private Doctor() {}

    /** @param vm a VM's name-label or uuid to look at; empty: every VM with a device of this host */
    public static DoctorReport examine(ObservedHost host, Evidence evidence, Optional<String> vm) {
        List<VmRecord> vms = new ArrayList<>();
        for (VmRecord v : host.vms()) {
            boolean named = vm.isEmpty() || vm.get().equals(v.nameLabel()) || vm.get().equals(v.uuid());
            if (named && v.pci().stream().anyMatch(d -> host.device(d).isPresent())) vms.add(v);
        }
        Set<PciAddress> assigned = new TreeSet<>();
        vms.forEach(v -> assigned.addAll(v.pci()));
        List<DoctorReport.Finding> findings = new ArrayList<>(DoctorHost.examine(host, evidence));
        findings.addAll(DoctorVms.examine(host, evidence, vms));
        DoctorHost.nvme(host, evidence, assigned).ifPresent(findings::add);
        return new DoctorReport(host.name(), vm, findings);
    }

    /** Whether {@code vm} names a VM of the host (by name-label or uuid). */
    public static boolean knows(ObservedHost host, String vm) {
        return host.vms().stream().anyMatch(v -> v.nameLabel().equals(vm) || v.uuid().equals(vm));
    }
}
