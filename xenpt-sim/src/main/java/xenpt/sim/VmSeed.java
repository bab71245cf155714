package xenpt.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A VM of a scenario as it is when the host is first created. {@code affinity} is a host uuid or empty.
 * {@code haRestartPriority} is xapi's {@code ha-restart-priority} ({@code restart}, {@code best-effort} or empty);
 * {@code shutdownHangs}: the guest never completes a clean shutdown, so {@code xe vm-shutdown} ends in xapi's
 * VM_SHUTDOWN_TIMEOUT (only {@code --force} halts it).
 * {@code pciSetWhileRunning}: the VM was started before its {@code other-config:pci} was set (an administrator's edit
 * of a running VM), so its domain holds none of those devices until it is halted and started again.
 */
record VmSeed(
        String uuid,
        String nameLabel,
        String nameDescription,
        String powerState,
        long memoryMiB,
        int vcpus,
        String affinity,
        Map<String, String> otherConfig,
        String haRestartPriority,
        boolean shutdownHangs,
        boolean pciSetWhileRunning) {

    VmSeed {
        otherConfig = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(otherConfig));
    }
}
