package xenpt.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import xenpt.desired.HostSpec;
import xenpt.desired.VmSpec;
import xenpt.diag.Diagnostic;
import xenpt.observed.ObservedHost;
import xenpt.observed.VmRecord;

/**
 * Finds the observed VM of each managed VM: by uuid when the file gives one (and then the name-label must agree), else
 * by a name-label that must be unique. {@code xe vm-list} lists every VM of the pool, so a name is unique pool-wide.
 */
final class VmResolver {

    /**
     * The managed VMs that resolve, in file order, and one error per VM that does not.
     *
     * @param managed each resolved VM spec with its observed VM
     */
    record Resolved(Map<VmSpec, VmRecord> managed, List<Diagnostic> diagnostics) {
        Resolved {
            managed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(managed));
            diagnostics = List.copyOf(diagnostics);
        }

        /** The uuids of the resolved VMs. */
        java.util.Set<String> uuids() {
            java.util.Set<String> out = new java.util.TreeSet<>();
            managed.values().forEach(v -> out.add(v.uuid()));
            return out;
        }
    }

    private VmResolver() {}

    static Resolved resolve(HostSpec spec, ObservedHost host) {
        Map<VmSpec, VmRecord> found = new LinkedHashMap<>();
        List<Diagnostic> out = new java.util.ArrayList<>();
        for (VmSpec vm : spec.vms()) {
            resolve(spec.name(), vm, host.vms(), out).ifPresent(r -> found.put(vm, r));
        }
        return new Resolved(found, out);
    }

    private static Optional<VmRecord> resolve(String hostName, VmSpec vm, List<VmRecord> vms, List<Diagnostic> out) {
        if (vm.uuid().isPresent()) {
            String uuid = vm.uuid().get();
            Optional<VmRecord> byUuid = vms.stream().filter(v -> v.uuid().equalsIgnoreCase(uuid)).findFirst();
            if (byUuid.isEmpty()) {
                out.add(Diagnostic.error(vm.location(), "VM '" + vm.name() + "' with uuid " + uuid + " does not exist on " + hostName,
                        "check the uuid with xe vm-list"));
            } else if (!byUuid.get().nameLabel().equals(vm.name())) {
                out.add(Diagnostic.error(vm.location(), "VM uuid " + uuid + " is named '" + byUuid.get().nameLabel()
                        + "' on " + hostName + ", not '" + vm.name() + "'", "correct the name-label or the uuid"));
                return Optional.empty();
            }
            return byUuid;
        }
        List<VmRecord> named = vms.stream().filter(v -> v.nameLabel().equals(vm.name())).toList();
        if (named.isEmpty()) {
            out.add(Diagnostic.error(vm.location(), "VM '" + vm.name() + "' does not exist on " + hostName, known(vms)));
            return Optional.empty();
        }
        if (named.size() > 1) {
            String uuids = named.stream().map(VmRecord::uuid).collect(Collectors.joining(", "));
            out.add(Diagnostic.error(vm.location(), "VM name-label '" + vm.name() + "' is ambiguous on " + hostName
                    + ": " + named.size() + " VMs (" + uuids + ")", "add uuid: to choose one"));
            return Optional.empty();
        }
        return Optional.of(named.get(0));
    }

    private static String known(List<VmRecord> vms) {
        if (vms.isEmpty()) return "the host has no VMs";
        String names = vms.stream().map(v -> "'" + v.nameLabel() + "'").distinct().limit(10).collect(Collectors.joining(", "));
        return "known VMs: " + names + (vms.size() > 10 ? ", ..." : "");
    }
}
