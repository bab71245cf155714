package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.PciAddress;
import xenpt.desired.VmSpec;
import xenpt.observed.VmRecord;

/**
 * End-to-end check of passthrough: a managed VM that runs on its host must hold every device the desired state gives
 * it and its {@code other-config:pci} already names. A VM started before the key was set, or one whose device could
 * not be plugged, runs without it; nothing else would notice. A device the key does not name yet is an assignment
 * difference instead (reported there, once). Known only when the observation read dom0's PCI backends.
 */
public final class Attachment {

    /** @param missing the desired devices the running domain does not hold, sorted */
    public record Missing(String vmName, String vmUuid, Set<PciAddress> missing) {
        public Missing {
            missing = java.util.Collections.unmodifiableSet(new TreeSet<>(missing));
        }

        public String message() {
            return "running VM " + vmUuid + " does not hold " + PciValues.list(missing)
                    + " (other-config:pci is read only at VM start: halt and start the VM)";
        }
    }

    private Attachment() {}

    /** The devices of {@code want} that {@code vm}'s domain does not hold; empty when all are held or it is unknown. */
    public static Set<PciAddress> missing(VmRecord vm, List<PciAddress> want) {
        if (vm.attached().isEmpty()) return Set.of();
        Set<PciAddress> out = new TreeSet<>(want);
        out.removeAll(vm.attached().get());
        return out;
    }

    static List<Missing> check(Map<VmSpec, VmRecord> managed) {
        List<Missing> out = new ArrayList<>();
        managed.forEach((spec, vm) -> {
            Set<PciAddress> m = missing(vm, spec.pci().stream().filter(vm.pci()::contains).toList());
            if (!m.isEmpty()) out.add(new Missing(spec.name(), vm.uuid(), m));
        });
        return out;
    }

    /** The plan's statuses for the VMs of {@code managed} that run without their devices. */
    static Findings statuses(Map<VmSpec, VmRecord> managed) {
        List<Status> statuses = new ArrayList<>();
        for (Missing m : check(managed)) {
            statuses.add(new Status(Status.Kind.NOT_ATTACHED, "vm '" + m.vmName() + "': " + m.message()));
        }
        return new Findings(List.of(), statuses, List.of());
    }
}
