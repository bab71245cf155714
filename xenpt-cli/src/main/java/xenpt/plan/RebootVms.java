package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import xenpt.observed.ObservedHost;
import xenpt.observed.PowerState;
import xenpt.observed.RebootFacts;
import xenpt.observed.VmRecord;

/**
 * What a reboot does with the VMs running on the host (SPEC §5 step 5), one rule for the plan that shows it and the
 * apply that does it. In a pool, a VM that xapi says prevents evacuation (PCI attached, vGPU, SR-IOV, no room…) or
 * that has passthrough is shut down cleanly and started again on this host after the reboot; the others are migrated
 * to other members by {@code xe host-evacuate} (xapi picks the member). On a standalone host every running VM is shut
 * down and started again. A pool with HA enabled is refused (see {@link #haRefusal}).
 *
 * @param shutDown VMs shut down before the reboot, to start again on this host after it
 * @param migrated VMs migrated to other members
 */
public record RebootVms(boolean pooled, List<VmRecord> shutDown, List<VmRecord> migrated) {

    public RebootVms {
        shutDown = List.copyOf(shutDown);
        migrated = List.copyOf(migrated);
    }

    public static RebootVms of(ObservedHost host) {
        RebootFacts f = host.reboot();
        List<VmRecord> down = new ArrayList<>();
        List<VmRecord> moved = new ArrayList<>();
        for (VmRecord vm : host.vms()) {
            if (vm.powerState() != PowerState.RUNNING || !vm.residentOn().equals(host.info().hostUuid())) continue;
            boolean pinned = f.preventing().containsKey(vm.uuid()) || vm.pciRaw().filter(p -> !p.isBlank()).isPresent();
            (f.pooled() && !pinned ? moved : down).add(vm);
        }
        return new RebootVms(f.pooled(), down, moved);
    }

    /**
     * Why xenpt does not reboot this host: HA is enabled on its pool. HA watches every member and restarts protected
     * VMs elsewhere; a host taken down under it can be fenced, its protected VMs restarted on other members (without
     * their devices) while xenpt means to start them here. Empty when HA is off.
     */
    public static Optional<String> haRefusal(ObservedHost host) {
        RebootFacts f = host.reboot();
        if (!f.haEnabled()) return Optional.empty();
        List<String> protectedHere = host.vms().stream().filter(v -> f.haProtected().contains(v.uuid()))
                .filter(v -> v.residentOn().equals(host.info().hostUuid()) || v.affinity().equals(host.info().hostUuid()))
                .map(v -> "'" + v.nameLabel() + "'").toList();
        return Optional.of(host.name() + ": HA is enabled on its pool, so xenpt does not reboot it"
                + (protectedHere.isEmpty() ? "" : " (VMs protected by HA here: " + String.join(", ", protectedHere) + ")")
                + ": HA would restart protected VMs elsewhere and may fence the host while it is down. Disable HA"
                + " (xe pool-ha-disable) and run apply again, or set policy reboot: manual and reboot it yourself");
    }

    /** One line for the plan: which VMs the reboot shuts down, migrates, and starts again, and where. */
    public String describe(boolean restart) {
        List<String> parts = new ArrayList<>();
        if (!shutDown.isEmpty()) {
            parts.add("shut down " + names(shutDown) + (restart ? ", then start again on this host"
                    : " and leave halted (vmRestart: manual)"));
        }
        if (!migrated.isEmpty()) parts.add("migrate " + names(migrated) + " to other pool members (xe host-evacuate)");
        if (pooled) parts.add(0, "disable the host in its pool, enable it after");
        return parts.isEmpty() ? "no VM runs there" : String.join("; ", parts);
    }

    private static String names(List<VmRecord> vms) {
        return String.join(", ", vms.stream().map(v -> "'" + v.nameLabel() + "'").toList());
    }
}
