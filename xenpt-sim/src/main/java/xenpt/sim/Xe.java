package xenpt.sim;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code xe} CLI of a simulated host: list, param and power commands for VMs, host / pool / PIF lists, and on
 * hosts with the PCI API (xapi ≥ 24.14, XCP-ng 8.3) the {@code pci-*} commands. Output on stdout, errors on stderr
 * with exit 1, as xen-facts §1 describes.
 */
final class Xe {

    private final HostContext ctx;
    private final XeTable<Vm> vms;

    Xe(HostContext ctx) {
        this.ctx = ctx;
        this.vms = VmTable.create(ctx.scenario(), ctx.pool());
    }

    Outcome run(List<String> argv) throws IOException {
        if (argv.isEmpty()) {
            return Outcome.fail(1, "Usage: xe <cmd> [-s server] [-pw passwd] [-p port] [-u user] [-pwf password-file]"
                    + "\n  [command specific arguments]\n\nTo get help on a specific command: xe help <cmd>\n");
        }
        String cmd = argv.get(0);
        XeArgs args = XeArgs.parse(argv.subList(1, argv.size()));
        Scenario s = ctx.scenario();
        return switch (cmd) {
            case "vm-list" -> vms.list(ctx.state().vms(), args);
            case "vm-param-get" -> withVm(args, vm -> vms.paramGet(vm, args));
            case "vm-param-list" -> withVm(args, vms::paramList);
            case "vm-param-set" -> new XeVmOps(ctx, vms).paramSet(args);
            case "vm-param-remove" -> new XeVmOps(ctx, vms).paramRemove(args);
            case "vm-start" -> new XeVmOps(ctx, vms).power(args, true);
            case "vm-shutdown" -> new XeVmOps(ctx, vms).power(args, false);
            // One database for the pool (Pool): every member answers for every host and PIF of the pool.
            case "host-list" -> hosts().list(ctx.pool().members(), args);
            case "host-param-get" -> withHost(args, h -> hosts().paramGet(h, args));
            case "host-param-list" -> withHost(args, h -> hosts().paramList(h));
            case "host-disable", "host-enable", "host-evacuate", "host-get-vms-which-prevent-evacuation" ->
                new XeHost(ctx).run(cmd, args);
            case "pool-list" -> HostTables.pool().list(List.of(ctx.pool()), args);
            case "pif-list" -> PoolTables.pifs(ctx.pool(), args);
            case "pci-list", "pci-param-get", "pci-param-list", "pci-enable-dom0-access",
                    "pci-disable-dom0-access", "pci-get-dom0-access-status" ->
                s.pciApi() ? new XePci(ctx).run(cmd, args) : XeFormat.unknownCommand(cmd);
            default -> XeFormat.unknownCommand(cmd);
        };
    }

    private XeTable<Scenario> hosts() {
        return HostTables.host(m -> HostFlags.enabled(ctx, m));
    }

    private interface VmCommand {
        Outcome run(Vm vm) throws IOException;
    }

    /** {@code *-param-*} commands take only {@code uuid=} (xen-facts §1.10). */
    private Outcome withVm(XeArgs args, VmCommand command) throws IOException {
        Optional<String> uuid = args.get("uuid");
        if (uuid.isEmpty()) return XeFormat.requiredParameter("uuid");
        Optional<Vm> vm = ctx.state().vm(uuid.get());
        return vm.isEmpty() ? XeFormat.uuidInvalid("VM", uuid.get()) : command.run(vm.get());
    }

    private interface HostCommand {
        Outcome run(Scenario host) throws IOException;
    }

    private Outcome withHost(XeArgs args, HostCommand command) throws IOException {
        Optional<String> uuid = args.get("uuid");
        if (uuid.isEmpty()) return XeFormat.requiredParameter("uuid");
        Optional<Scenario> host = ctx.pool().member(uuid.get());
        return host.isEmpty() ? XeFormat.uuidInvalid("host", uuid.get()) : command.run(host.get());
    }
}
