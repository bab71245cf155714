package xenpt.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The xe VM commands that change state: {@code vm-param-set}, {@code vm-param-remove}, {@code vm-start/shutdown}. */
final class XeVmOps {

    private final HostContext ctx;
    private final XeTable<Vm> table;

    XeVmOps(HostContext ctx, XeTable<Vm> table) {
        this.ctx = ctx;
        this.table = table;
    }

    /** Every argument but {@code uuid=} is a setter, applied in order; all or nothing. */
    Outcome paramSet(XeArgs args) throws IOException {
        Optional<String> uuid = args.get("uuid");
        if (uuid.isEmpty()) return XeFormat.requiredParameter("uuid");
        AtomicReference<Outcome> error = new AtomicReference<>();
        ctx.store().locked(() -> {
            HostState st = ctx.state();
            Optional<Vm> vm = st.vm(uuid.get());
            if (vm.isEmpty()) {
                error.set(XeFormat.uuidInvalid("VM", uuid.get()));
                return null;
            }
            Vm v = vm.get();
            for (Map.Entry<String, String> p : args.params().entrySet()) {
                if (p.getKey().equals("uuid")) continue;
                Optional<Vm> next = set(v, p.getKey(), p.getValue(), error);
                if (next.isEmpty()) return null;
                v = next.get();
            }
            Vm changed = v;
            ctx.update(s -> s.withVm(changed.uuid(), old -> changed));
            return null;
        });
        return error.get() != null ? error.get() : Outcome.ok("");
    }

    private Optional<Vm> set(Vm v, String key, String value, AtomicReference<Outcome> error) {
        int colon = key.indexOf(':');
        if (colon >= 0 && key.substring(0, colon).equals("other-config")) {
            return Optional.of(v.withOtherConfig(key.substring(colon + 1), value));
        }
        switch (key) {
            case "name-label" -> {
                return Optional.of(v.withNameLabel(value));
            }
            case "name-description" -> {
                return Optional.of(v.withNameDescription(value));
            }
            case "affinity" -> {
                if (!value.isEmpty() && !ctx.pool().hostUuids().contains(value)) {
                    error.set(XeFormat.uuidInvalid("host", value));
                    return Optional.empty();
                }
                return Optional.of(v.withAffinity(value));
            }
            default -> {
                String field = colon >= 0 ? key.substring(0, colon) : key;
                // The exact text xapi gives for a read-only or unsupported field is not in the reference.
                error.set(table.field(field).isPresent()
                        ? XeFormat.cliFailure("Field " + field + " is read-only or not settable on this host")
                        : XeFormat.missingParameter(field));
                return Optional.empty();
            }
        }
    }

    Outcome paramRemove(XeArgs args) throws IOException {
        for (String required : List.of("uuid", "param-name", "param-key")) {
            if (args.get(required).isEmpty()) return XeFormat.requiredParameter(required);
        }
        String uuid = args.get("uuid").get();
        String name = args.get("param-name").get();
        String key = args.get("param-key").get();
        return ctx.store().locked(() -> {
            Optional<Vm> vm = ctx.state().vm(uuid);
            if (vm.isEmpty()) return XeFormat.uuidInvalid("VM", uuid);
            Optional<XeField<Vm>> field = table.field(name);
            if (field.isEmpty() || !field.get().isMap()) return XeFormat.missingParameter(name);
            if (!field.get().map().apply(vm.get()).containsKey(key)) {
                // xapi 1.9 (XenServer 6.x) said "Key is not in map"; from 1.14 on the key is named.
                return XeFormat.cliFailure(ctx.scenario().majorVersion() < 7 ? "Key is not in map"
                        : "Key " + key + " is not in map");
            }
            ctx.update(s -> s.withVm(uuid, v -> v.withOtherConfig(key, null)));
            return Outcome.ok("");
        });
    }

    /**
     * {@code vm-start [on=HOST]} / {@code vm-shutdown [--force]} with VM selectors: {@code vm=<name or uuid>} or field
     * filters. {@code --force} is a hard shutdown (xapi's {@code VM.hard_shutdown}), otherwise a clean one.
     */
    Outcome power(XeArgs args, boolean start) throws IOException {
        return ctx.store().locked(() -> {
            HostState st = ctx.state();
            List<Vm> selected = select(st, args);
            if (selected.isEmpty()) return XeFormat.cliFailure("No matching VMs found");
            if (selected.size() > 1 && !args.flags().contains("multiple")) {
                return XeFormat.cliFailure("Multiple matches VMs found. --multiple required to complete the operation");
            }
            StringBuilder err = new StringBuilder();
            for (Vm vm : selected) {
                VmPlacement.Choice where = start ? VmPlacement.choose(ctx, vm, args.get("on"))
                        : new VmPlacement.Choice(ctx.scenario(), null);
                if (where.error() != null) {
                    if (selected.size() == 1) return where.error();
                    err.append("operation failed on ").append(vm.uuid()).append(": ").append(where.error().err());
                    continue;
                }
                VmPower.Result r = start ? VmPower.startOn(ctx, ctx.state(), vm.uuid(), where.host())
                        : VmPower.shutdown(ctx, ctx.state(), vm.uuid(), args.flags().contains("force")
                                || args.get("force").orElse("").equals("true"));
                if (r.error() != null) {
                    if (selected.size() == 1) return r.error();
                    err.append("operation failed on ").append(vm.uuid()).append(": ").append(r.error().err());
                } else {
                    ctx.update(s -> r.state());
                }
            }
            return err.isEmpty() ? Outcome.ok("") : Outcome.fail(1, err.toString());
        });
    }

    private List<Vm> select(HostState st, XeArgs args) {
        Map<String, String> filters = new LinkedHashMap<>(args.filters());
        String vmSel = filters.remove("vm");
        filters.remove("on");
        filters.remove("force");
        List<Vm> out = new ArrayList<>();
        for (Vm v : st.vms()) {
            if (v.controlDomain()) continue;
            if (vmSel != null && !vmSel.equals(v.uuid()) && !vmSel.equals(v.nameLabel())) continue;
            if (table.matches(v, filters)) out.add(v);
        }
        return out;
    }
}
