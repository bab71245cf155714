package xenpt.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The xe host commands of a rolling reboot: {@code host-disable}, {@code host-enable}, {@code host-evacuate} and
 * {@code host-get-vms-which-prevent-evacuation}, after xapi's {@code cli_operations.ml} ({@code host_disable},
 * {@code host_enable}, {@code host_evacuate}, {@code host_get_vms_which_prevent_evacuation}) and
 * {@code xapi_host.ml} ({@code compute_evacuation_plan_no_wlb}, {@code evacuate}).
 *
 * <p>The evacuation plan, per VM resident on the host (control domain excluded), as xapi computes it: no other enabled
 * member: NO_HOSTS_AVAILABLE; HA enabled and the VM not protected (ha-restart-priority other than {@code restart}):
 * HOST_NOT_ENOUGH_FREE_MEMORY (xapi up to 2026; newer xapi says HOST_EVACUATE_VM_NOT_HA_PROTECTED); a VM with PCI
 * devices: VM_HAS_PCI_ATTACHED ({@code xapi_vm_lifecycle.ml}, checked last, so it wins); otherwise it migrates to
 * the first other enabled member (xapi bin-packs by free memory, which the simulator does not model). The attached
 * PCI devices are those of {@code other-config:pci}, which the simulator's start attaches.
 */
final class XeHost {

    /** A VM's line of the evacuation plan: where it goes, or why it cannot. */
    record Verdict(Vm vm, String target, String code) {}

    private final HostContext ctx;

    XeHost(HostContext ctx) {
        this.ctx = ctx;
    }

    Outcome run(String cmd, XeArgs args) throws IOException {
        if (cmd.equals("host-get-vms-which-prevent-evacuation")) return preventing(args);
        List<Scenario> hosts = select(args);
        if (hosts.isEmpty()) return XeFormat.cliFailure("No matching hosts found");
        if (hosts.size() > 1) {
            // do_host_op: host-evacuate is ~multiple:false; the others want --multiple (not simulated)
            return XeFormat.cliFailure(cmd.equals("host-evacuate")
                    ? "Multiple matching hosts found. Operation can only be performed on one host at a time"
                    : "Multiple matching hosts found. --multiple required to complete the operation");
        }
        Scenario host = hosts.get(0);
        switch (cmd) {
            case "host-disable" -> HostFlags.disable(ctx, host, !args.get("auto-enable").orElse("true").equals("false"));
            case "host-enable" -> HostFlags.enable(ctx, host);
            default -> {
                return evacuate(host);
            }
        }
        return Outcome.ok("");
    }

    /** {@code select_hosts}: {@code host=} matches uuid, hostname or name-label; {@code uuid=} is a field filter. */
    private List<Scenario> select(XeArgs args) {
        List<Scenario> out = new ArrayList<>();
        for (Scenario m : ctx.pool().members()) {
            Optional<String> byHost = args.get("host");
            if (byHost.isPresent() && !List.of(m.hostUuid(), m.hostName()).contains(byHost.get())) continue;
            if (args.get("uuid").filter(u -> !u.equals(m.hostUuid())).isPresent()) continue;
            out.add(m);
        }
        return out;
    }

    private Outcome preventing(XeArgs args) throws IOException {
        Optional<String> uuid = args.get("uuid");
        if (uuid.isEmpty()) return XeFormat.requiredParameter("uuid");
        Optional<Scenario> host = ctx.pool().member(uuid.get());
        if (host.isEmpty()) return XeFormat.uuidInvalid("host", uuid.get());
        StringBuilder out = new StringBuilder();
        for (Verdict v : plan(host.get(), ctx.state())) {
            if (v.code() == null) continue;
            // The reason is the error code and its parameters joined with ",", the VM as an OpaqueRef (not converted).
            out.append(XeFormat.record(List.of(new String[] {"uuid ( RO)", v.vm().uuid()},
                    new String[] {"name-label ( RW)", v.vm().nameLabel()},
                    new String[] {"reason ( RO)", v.code() + "," + opaqueRef(v.vm())})));
        }
        return Outcome.ok(out.toString());
    }

    private Outcome evacuate(Scenario host) throws IOException {
        return ctx.store().locked(() -> {
            List<Verdict> plan = plan(host, ctx.state());
            for (Verdict v : plan) {
                if (v.code() != null) return error(v); // xapi raises the first error of the plan, nothing moves
            }
            for (Verdict v : plan) {
                // A live migration: the VM keeps running, now resident on the target member.
                ctx.update(s -> s.withVm(v.vm().uuid(), vm -> vm.migratedTo(v.target())));
            }
            return Outcome.ok("");
        });
    }

    List<Verdict> plan(Scenario host, HostState st) {
        List<String> targets = ctx.pool().members().stream()
                .filter(m -> !m.hostUuid().equals(host.hostUuid()) && HostFlags.enabled(ctx, m))
                .map(Scenario::hostUuid).toList();
        List<Verdict> out = new ArrayList<>();
        for (Vm vm : st.vms()) {
            if (vm.controlDomain() || !vm.running() || !vm.residentOn().equals(host.hostUuid())) continue;
            String code = null;
            if (targets.isEmpty()) {
                code = "NO_HOSTS_AVAILABLE";
            } else {
                if (ctx.pool().haEnabled() && !VmTable.haPriority(ctx.pool(), vm).equals("restart")) {
                    code = "HOST_NOT_ENOUGH_FREE_MEMORY";
                }
                if (!VmPower.pciDevices(vm.otherConfig().getOrDefault("pci", "")).isEmpty()) code = "VM_HAS_PCI_ATTACHED";
            }
            out.add(new Verdict(vm, code == null ? targets.get(0) : null, code));
        }
        return out;
    }

    /** The API error as {@code Cli_util.server_error} prints it: the doc, then the parameters, the VM as "uuid (name)". */
    private Outcome error(Verdict v) {
        boolean old = ctx.scenario().majorVersion() <= 7; // "host" became "server" in the docs with xapi 1.2x (8.x)
        String vm = v.vm().uuid() + " (" + v.vm().nameLabel() + ")";
        String text = switch (v.code()) {
            case "NO_HOSTS_AVAILABLE" -> "There were no " + (old ? "hosts" : "servers")
                    + " available to complete the specified operation.\n<extra>: " + vm;
            case "HOST_NOT_ENOUGH_FREE_MEMORY" -> (old ? "Not enough host memory is available to perform this operation"
                    : "Not enough server memory is available to perform this operation.") + "\nneeded: " + vm
                    + "\navailable: <unknown>";
            default -> "This operation could not be performed, because the VM has one or more PCI devices passed"
                    + " through.\nvm: " + vm;
        };
        return Outcome.fail(1, text + "\n");
    }

    /** A stable stand-in for the VM's database reference. */
    static String opaqueRef(Vm vm) {
        return "OpaqueRef:" + UUID.nameUUIDFromBytes(("ref/" + vm.uuid()).getBytes(StandardCharsets.UTF_8));
    }
}
