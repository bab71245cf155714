package xenpt.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The xe lists that span every member of a {@link Pool}: each member's objects are printed by that member's table
 * (they carry its {@code host-uuid}), one after the other, as xapi lists the whole database in one answer
 * (xen-facts §11: {@code pif-list} and {@code pci-list} list every member's objects, each with its host uuid). With
 * {@code --minimal} the members' comma-separated values are joined into one line.
 */
final class PoolTables {

    private PoolTables() {}

    static Outcome pifs(Pool pool, XeArgs args) {
        List<Outcome> parts = new ArrayList<>();
        for (Scenario m : pool.members()) {
            parts.add(HostTables.pif(m).list(m.nics().stream().filter(n -> !n.pci().isEmpty()).toList(), args));
        }
        return join(parts, args.minimal());
    }

    /**
     * {@code pci-list} of a pool: every member's PCI objects, each with its own uuid and host-uuid (the same pci-id
     * once per member that has it), their driver from each member's own pciback state.
     */
    static Outcome pcis(HostContext ctx, XeArgs args) throws IOException {
        Path self = ctx.fs().root().getParent();
        List<Outcome> parts = new ArrayList<>();
        for (Scenario m : ctx.pool().members()) {
            Path dir = Pool.stateDirOf(m, self);
            if (!m.hostUuid().equals(ctx.scenario().hostUuid()) && !Files.exists(dir.resolve("state.json"))) continue;
            HostState state = m.hostUuid().equals(ctx.scenario().hostUuid()) ? ctx.state()
                    : ctx.pool().store(dir).read();
            parts.add(HostTables.pci(m).list(HostTables.pciObjects(m, state), args));
        }
        return join(parts, args.minimal());
    }

    /** Answers of several tables as one: records one after the other, or one {@code --minimal} line. */
    static Outcome join(List<Outcome> parts, boolean minimal) {
        if (!minimal) {
            StringBuilder out = new StringBuilder();
            parts.forEach(p -> out.append(p.out()));
            return Outcome.ok(out.toString());
        }
        List<String> values = new ArrayList<>();
        for (Outcome p : parts) {
            Optional.of(p.out().strip()).filter(v -> !v.isEmpty()).ifPresent(values::add);
        }
        return Outcome.ok(String.join(",", values) + "\n");
    }

    /** A start that xapi would place on another member (the VM's affinity): not simulated across members. */
    static Optional<Outcome> startsElsewhere(HostContext ctx, Vm vm) {
        String here = ctx.scenario().hostUuid();
        if (vm.affinity().isEmpty() || vm.affinity().equals(here) || ctx.pool().member(vm.affinity()).isEmpty()) {
            return Optional.empty();
        }
        // xapi's choose_host_for_vm starts the VM on its affinity host; the simulator serves each member in its own
        // server and does not start a VM on another member, so it says so rather than start it here.
        return Optional.of(Outcome.fail(1, "xenpt simulator: VM " + vm.uuid() + " has affinity to pool member "
                + vm.affinity() + "; run xe vm-start on that member\n"));
    }
}
