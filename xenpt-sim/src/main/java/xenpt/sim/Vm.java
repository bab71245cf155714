package xenpt.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A VM record as xapi holds it. {@code otherConfig} keeps insertion order (xapi prints maps in database order).
 * {@code residentOn} and {@code affinity} are host uuids or empty (xe prints {@code <not in database>}).
 * {@code attached} are the PCI devices ({@code dddd:bb:dd.f}) the running domain holds: what xenopsd plugged at its
 * start, never changed by a later edit of {@code other-config:pci} (no hotplug, xen-facts §2); empty when halted.
 */
record Vm(
        String uuid,
        String nameLabel,
        String nameDescription,
        String powerState,
        boolean controlDomain,
        String residentOn,
        String affinity,
        Map<String, String> otherConfig,
        long domId,
        String startTime,
        long memoryMiB,
        int vcpus,
        List<String> attached) {

    static final String NEVER_STARTED = "19700101T00:00:00Z";

    Vm {
        otherConfig = Collections.unmodifiableMap(new LinkedHashMap<>(otherConfig));
        attached = List.copyOf(attached);
        if (!powerState.matches("halted|running|paused|suspended")) {
            throw new IllegalArgumentException("bad power-state '" + powerState + "'");
        }
    }

    boolean running() {
        return powerState.equals("running");
    }

    Vm withNameLabel(String v) {
        return new Vm(uuid, v, nameDescription, powerState, controlDomain, residentOn, affinity, otherConfig, domId,
                startTime, memoryMiB, vcpus, attached);
    }

    Vm withNameDescription(String v) {
        return new Vm(uuid, nameLabel, v, powerState, controlDomain, residentOn, affinity, otherConfig, domId,
                startTime, memoryMiB, vcpus, attached);
    }

    Vm withAffinity(String v) {
        return new Vm(uuid, nameLabel, nameDescription, powerState, controlDomain, residentOn, v, otherConfig, domId,
                startTime, memoryMiB, vcpus, attached);
    }

    /** Sets a map key; an existing key is removed first and re-added at the end, as xapi's remove-then-add does. */
    Vm withOtherConfig(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(otherConfig);
        m.remove(key);
        if (value != null) m.put(key, value);
        return new Vm(uuid, nameLabel, nameDescription, powerState, controlDomain, residentOn, affinity, m, domId,
                startTime, memoryMiB, vcpus, attached);
    }

    Vm started(String hostUuid, long newDomId, String time, List<String> plugged) {
        return new Vm(uuid, nameLabel, nameDescription, "running", controlDomain, hostUuid, affinity, otherConfig,
                newDomId, time, memoryMiB, vcpus, plugged);
    }

    /** Live-migrated to another pool member: still running, now resident there. */
    Vm migratedTo(String hostUuid) {
        return new Vm(uuid, nameLabel, nameDescription, powerState, controlDomain, hostUuid, affinity, otherConfig, domId,
                startTime, memoryMiB, vcpus, attached);
    }

    Vm halted() {
        return new Vm(uuid, nameLabel, nameDescription, "halted", controlDomain, "", affinity, otherConfig, -1,
                startTime, memoryMiB, vcpus, attached);
    }
}
