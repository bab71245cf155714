package xenpt.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What changes while a simulated host runs, persisted by {@link StateStore}: the running dom0 kernel line and boot
 * id, the pciback driver (loaded or not, the devices bound to it, its registered slots), the VMs, and a counter of
 * domain ids handed out.
 */
record HostState(
        String bootId,
        String cmdline,
        boolean pcibackLoaded,
        List<String> pcibackBound,
        List<String> pcibackSlots,
        List<Vm> vms,
        long nextDomId) {

    HostState {
        pcibackBound = List.copyOf(pcibackBound);
        pcibackSlots = List.copyOf(pcibackSlots);
        vms = List.copyOf(vms);
    }

    Optional<Vm> vm(String uuid) {
        return vms.stream().filter(v -> v.uuid().equals(uuid)).findFirst();
    }

    HostState withVm(String uuid, UnaryOperator<Vm> change) {
        List<Vm> out = new ArrayList<>();
        for (Vm v : vms) out.add(v.uuid().equals(uuid) ? change.apply(v) : v);
        return new HostState(bootId, cmdline, pcibackLoaded, pcibackBound, pcibackSlots, out, nextDomId);
    }

    HostState withNextDomId(long n) {
        return new HostState(bootId, cmdline, pcibackLoaded, pcibackBound, pcibackSlots, vms, n);
    }

    /** Every VM of host {@code hostUuid} halted except the control domain: what a host shutdown leaves. */
    HostState withVmsHalted(String hostUuid) {
        List<Vm> out = new ArrayList<>();
        for (Vm v : vms) out.add(v.controlDomain() || !v.running() || !v.residentOn().equals(hostUuid) ? v : v.halted());
        return new HostState(bootId, cmdline, pcibackLoaded, pcibackBound, pcibackSlots, out, nextDomId);
    }

    /** Binds {@code slot} to pciback, as xenopsd does at VM start (new_slot + bind). */
    HostState withBound(String slot) {
        if (pcibackBound.contains(slot)) return this;
        List<String> bound = new ArrayList<>(pcibackBound);
        bound.add(slot);
        List<String> slots = new ArrayList<>(pcibackSlots);
        if (!slots.contains(slot)) slots.add(slot);
        return new HostState(bootId, cmdline, pcibackLoaded, bound, slots, vms, nextDomId);
    }
}
