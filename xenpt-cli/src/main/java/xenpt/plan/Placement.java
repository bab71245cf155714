package xenpt.plan;

import xenpt.observed.VmRecord;

/**
 * Which host of a pool a VM's {@code other-config:pci} refers to. {@code xe vm-list} on any member lists every VM of
 * the pool, and a B:D.f means a device of the host the VM starts on, so a VM counts on a host only when it is pinned
 * to it or running on it; a VM that is neither (halted, no affinity) could start on any member, this one included.
 * One rule for plan, prune, drift, inspect and import.
 */
public final class Placement {

    private Placement() {}

    /** Pinned to the host (affinity) or running on it (resident-on). */
    public static boolean placedOn(String hostUuid, VmRecord vm) {
        return vm.affinity().equals(hostUuid) || vm.residentOn().equals(hostUuid);
    }

    /** Whether the VM's devices are devices of this host: placed on it, or placed nowhere yet. */
    public static boolean usesDevicesOf(String hostUuid, VmRecord vm) {
        return placedOn(hostUuid, vm) || (vm.affinity().isEmpty() && vm.residentOn().isEmpty());
    }
}
