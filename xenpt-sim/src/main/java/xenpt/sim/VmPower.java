package xenpt.sim;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starting and halting VMs the way xapi and xenopsd do, including the PCI devices of {@code other-config:pci}
 * (xen-facts §2): items are parsed leniently and unparseable ones dropped; without pciback the start fails with
 * "pciback has not loaded"; a device that is not hidden is taken from its dom0 driver and bound to pciback at start
 * (what xenopsd does, however dangerous); a missing device or one held by another running VM cannot be added.
 */
final class VmPower {

    /** The new state, or the error that stopped the operation (then {@code state} is null). */
    record Result(HostState state, Outcome error) {}

    /** OCaml {@code Scanf "%d/%04x:%02x:%02x.%01x"}: leading items; trailing junk ignored. */
    private static final Pattern ITEM =
            Pattern.compile("^(\\d+)/([0-9a-fA-F]{1,4}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\\.([0-9a-fA-F])");

    private static final String BAD_POWER_STATE = "You attempted an operation on a VM that was not in an appropriate"
            + " power state at the time; for example, you attempted to start a VM that was already running.  The"
            + " parameters returned are the VM's handle, and the expected and actual VM state at the time of the call.";

    private VmPower() {}

    static Result start(HostContext ctx, HostState st, String uuid) throws java.io.IOException {
        Vm vm = st.vm(uuid).orElseThrow();
        if (!vm.powerState().equals("halted")) return badPowerState(vm, "halted");
        List<String> devices = pciDevices(vm.otherConfig().getOrDefault("pci", ""));
        int major = ctx.scenario().majorVersion();
        if (!devices.isEmpty() && !st.pcibackLoaded()) {
            return new Result(null, XeFormat.internalError(major, "pciback has not loaded"));
        }
        if (!devices.isEmpty() && !ctx.scenario().iommu()) {
            // xen-facts §9.5: IOMMU/VT-d off (verbatim, XCP-ng docs).
            return new Result(null, XeFormat.internalError(major, "xenopsd internal error: Device.PCI.Cannot_add(_, _)"));
        }
        HostState next = st;
        for (String slot : devices) {
            // Exact xenopsd texts for these two cases are not in the reference; the shape is Cannot_add's.
            if (ctx.scenario().device(slot).isEmpty()) {
                return cannotAdd(major, slot, "19, \"19: No such device\"");
            }
            // Only VMs running on this host can hold its device; a pool member's VM uses that member's device.
            boolean busy = st.vms().stream().anyMatch(o -> o.running() && !o.uuid().equals(uuid)
                    && o.residentOn().equals(ctx.scenario().hostUuid())
                    && pciDevices(o.otherConfig().getOrDefault("pci", "")).contains(slot));
            if (busy) return cannotAdd(major, slot, "16, \"16: Device or resource busy\"");
            next = next.withBound(slot);
        }
        String now = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss'Z'"));
        long domId = next.nextDomId();
        // A fault stands for a device model that comes up without the devices (what the attachment check catches).
        List<String> plugged = ctx.faults().startsWithoutPci() ? List.of() : devices;
        next = next.withVm(uuid, v -> v.started(ctx.scenario().hostUuid(), domId, now, plugged))
                .withNextDomId(domId + 1);
        return new Result(next, null);
    }

    /** Starts the VM on {@code host}: here with its devices, or on another member (a VM without devices). */
    static Result startOn(HostContext ctx, HostState st, String uuid, Scenario host) throws java.io.IOException {
        if (host.hostUuid().equals(ctx.scenario().hostUuid())) return start(ctx, st, uuid);
        Vm vm = st.vm(uuid).orElseThrow();
        if (!vm.powerState().equals("halted")) return badPowerState(vm, "halted");
        String now = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss'Z'"));
        return new Result(st.withVm(uuid, v -> v.started(host.hostUuid(), st.nextDomId(), now, List.of()))
                .withNextDomId(st.nextDomId() + 1), null);
    }

    /**
     * A hard shutdown always halts a running VM. A clean one asks the guest; a guest that never completes it
     * ({@code clean-shutdown: hangs}) ends in VM_SHUTDOWN_TIMEOUT after xapi's domain_shutdown_total_timeout (1200 s,
     * {@code xapi_globs.ml}; the simulator answers at once), printed with the VM as "uuid (name)" and the timeout as
     * OCaml's {@code string_of_float} writes it ({@code xapi_xenops.ml}, datamodel_errors.ml).
     */
    static Result shutdown(HostContext ctx, HostState st, String uuid, boolean force) {
        Vm vm = st.vm(uuid).orElseThrow();
        if (!vm.running()) return badPowerState(vm, "running");
        if (!force && ctx.pool().seed(uuid).map(VmSeed::shutdownHangs).orElse(false)) {
            return new Result(null, Outcome.fail(1, "VM failed to shutdown before the timeout expired\nvm: " + vm.uuid()
                    + " (" + vm.nameLabel() + ")\ntimeout: 1200.\n"));
        }
        return new Result(st.withVm(uuid, Vm::halted), null);
    }

    /** The devices of an {@code other-config:pci} value as xapi reads them, in {@code dddd:bb:dd.f} form. */
    static List<String> pciDevices(String value) {
        List<String> out = new ArrayList<>();
        if (value.isEmpty()) return out;
        for (String item : value.split(",", -1)) {
            Matcher m = ITEM.matcher(item);
            if (!m.find()) continue;
            out.add(String.format("%04x:%02x:%02x.%d", Integer.parseInt(m.group(2), 16),
                    Integer.parseInt(m.group(3), 16), Integer.parseInt(m.group(4), 16),
                    Integer.parseInt(m.group(5), 16)));
        }
        return out;
    }

    private static Result cannotAdd(int major, String slot, String unixError) {
        return new Result(null, XeFormat.internalError(major,
                "xenopsd internal error: Cannot_add(" + slot + ", Xenctrlext.Unix_error(" + unixError + "))"));
    }

    private static Result badPowerState(Vm vm, String expected) {
        return new Result(null, Outcome.fail(1, BAD_POWER_STATE + "\nvm: " + vm.uuid() + " (" + vm.nameLabel()
                + ")\nexpected: " + expected + "\nactual: " + vm.powerState() + "\n"));
    }
}
