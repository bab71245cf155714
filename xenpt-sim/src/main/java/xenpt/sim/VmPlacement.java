package xenpt.sim;

import java.util.List;
import java.util.Optional;

/**
 * Where {@code xe vm-start} starts a VM in the simulated pool (xapi: {@code cli_operations.ml} {@code vm_start}, which
 * calls {@code VM.start_on} with {@code on=} — a host's uuid, hostname or name-label, else "Host X not found" — and
 * {@code VM.start} without; {@code xapi_vm_helpers.ml} refuses a disabled host with HOST_DISABLED and, with no host
 * to choose, NO_HOSTS_AVAILABLE).
 *
 * <p>A VM that uses PCI devices starts only on the member that serves the command (the simulator checks devices and
 * pciback there, {@link VmPower}); a VM without devices may also start on another enabled member.
 */
final class VmPlacement {

    /** The member to start on, or the error that refuses the start. */
    record Choice(Scenario host, Outcome error) {}

    private VmPlacement() {}

    static Choice choose(HostContext ctx, Vm vm, Optional<String> on) {
        Scenario here = ctx.scenario();
        if (on.isPresent()) {
            Optional<Scenario> host = ctx.pool().members().stream()
                    .filter(m -> List.of(m.hostUuid(), m.hostName()).contains(on.get())).findFirst();
            if (host.isEmpty()) return refuse(XeFormat.cliFailure("Host " + on.get() + " not found"));
            if (!HostFlags.enabled(ctx, host.get())) return refuse(hostDisabled(ctx, host.get()));
            if (host.get().hostUuid().equals(here.hostUuid()) || !usesDevices(vm)) return new Choice(host.get(), null);
            return refuse(PoolTables.startsElsewhere(ctx, vm.withAffinity(host.get().hostUuid())).orElseThrow());
        }
        Optional<Outcome> elsewhere = PoolTables.startsElsewhere(ctx, vm);
        if (elsewhere.isPresent()) return refuse(elsewhere.get());
        if (HostFlags.enabled(ctx, here)) return new Choice(here, null);
        Optional<Scenario> other = ctx.pool().members().stream()
                .filter(m -> !m.hostUuid().equals(here.hostUuid()) && HostFlags.enabled(ctx, m)).findFirst();
        if (other.isPresent() && !usesDevices(vm)) return new Choice(other.get(), null);
        // xapi also prints a per-host table of reasons on stdout before this error; not simulated.
        boolean old = here.majorVersion() <= 7;
        return refuse(Outcome.fail(1, "There were no " + (old ? "hosts" : "servers")
                + " available to complete the specified operation.\n"));
    }

    static Outcome hostDisabled(HostContext ctx, Scenario host) {
        String word = ctx.scenario().majorVersion() <= 7 ? "host" : "server";
        return Outcome.fail(1, "The specified " + word + " is disabled.\nhost: " + host.hostUuid() + " ("
                + host.hostName() + ")\n");
    }

    private static boolean usesDevices(Vm vm) {
        return !VmPower.pciDevices(vm.otherConfig().getOrDefault("pci", "")).isEmpty();
    }

    private static Choice refuse(Outcome error) {
        return new Choice(null, error);
    }
}
