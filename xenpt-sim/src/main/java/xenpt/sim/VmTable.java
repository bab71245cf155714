package xenpt.sim;

import static xenpt.sim.XeField.MRO;
import static xenpt.sim.XeField.MRW;
import static xenpt.sim.XeField.RO;
import static xenpt.sim.XeField.RW;
import static xenpt.sim.XeField.SRO;
import static xenpt.sim.XeField.SRW;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VM class of xe: the fields of xapi's {@code vm_record} in its order (a subset: those a passthrough manager or
 * an administrator looks at, with the usual values of a simple HVM guest), default params
 * {@code name-label, uuid, power-state}.
 */
final class VmTable {

    static final String NULL_REF = "<not in database>";

    private VmTable() {}

    static XeTable<Vm> create(Scenario s, Pool pool) {
        List<XeField<Vm>> f = List.of(
                XeField.of("uuid", RO, Vm::uuid),
                XeField.of("name-label", RW, Vm::nameLabel),
                XeField.of("name-description", RW, Vm::nameDescription),
                XeField.of("user-version", RW, v -> "1"),
                XeField.of("is-a-template", RW, v -> "false"),
                XeField.of("is-default-template", RW, v -> "false"),
                XeField.of("is-a-snapshot", RO, v -> "false"),
                XeField.of("snapshot-of", RO, v -> NULL_REF),
                XeField.of("snapshots", RO, v -> ""),
                XeField.of("snapshot-time", RO, v -> Vm.NEVER_STARTED),
                XeField.ofMap("snapshot-info", MRO, v -> Map.of()),
                XeField.of("parent", RO, v -> NULL_REF),
                XeField.of("children", SRO, v -> ""),
                XeField.of("is-control-domain", RO, v -> String.valueOf(v.controlDomain())),
                XeField.of("power-state", RO, Vm::powerState),
                XeField.of("memory-actual", RO, v -> v.running() ? bytes(v) : "0"),
                XeField.of("memory-static-max", RW, VmTable::bytes),
                XeField.of("memory-dynamic-max", RW, VmTable::bytes),
                XeField.of("memory-dynamic-min", RW, VmTable::bytes),
                XeField.of("memory-static-min", RW, v -> String.valueOf(Math.min(v.memoryMiB(), 512) << 20)),
                XeField.ofMap("VCPUs-params", MRW, v -> Map.of()),
                XeField.of("VCPUs-max", RW, v -> String.valueOf(v.vcpus())),
                XeField.of("VCPUs-at-startup", RW, v -> String.valueOf(v.vcpus())),
                XeField.of("actions-after-shutdown", RW, v -> "Destroy"),
                XeField.of("actions-after-reboot", RW, v -> "Restart"),
                XeField.of("actions-after-crash", RW, v -> "Restart"),
                XeField.of("console-uuids", SRO, v -> ""),
                XeField.ofMap("platform", MRW, VmTable::platform),
                XeField.of("allowed-operations", SRO, VmTable::allowedOperations),
                XeField.of("current-operations", SRO, v -> ""),
                XeField.ofMap("blocked-operations", MRW, v -> Map.of()),
                XeField.of("possible-hosts", RO, v -> s.hostUuid()),
                XeField.of("HVM-boot-policy", RW, v -> v.controlDomain() ? "" : "BIOS order"),
                XeField.ofMap("HVM-boot-params", MRW, v -> v.controlDomain() ? Map.of() : Map.of("order", "dc")),
                XeField.of("HVM-shadow-multiplier", RW, v -> "1.000"),
                XeField.of("PV-args", RW, v -> ""),
                XeField.of("resident-on", RO, v -> ref(v.residentOn())),
                XeField.of("affinity", RW, v -> ref(v.affinity())),
                XeField.ofMap("other-config", MRW, Vm::otherConfig),
                XeField.of("dom-id", RO, v -> String.valueOf(v.domId())),
                XeField.ofMap("xenstore-data", MRW, v -> Map.of()),
                // records.ml: ha-restart-priority ("restart", "best-effort" or ""), between xenstore-data and
                // start-time (after ha-always-run, which is deprecated and not simulated).
                XeField.of("ha-restart-priority", RW, v -> haPriority(pool, v)),
                XeField.of("start-time", RO, Vm::startTime),
                XeField.of("install-time", RO, v -> Vm.NEVER_STARTED),
                XeField.of("VCPUs-number", RO, v -> v.running() ? String.valueOf(v.vcpus()) : "0"),
                XeField.of("tags", SRW, v -> ""),
                XeField.of("appliance", RW, v -> NULL_REF),
                XeField.of("start-delay", RW, v -> "0"),
                XeField.of("shutdown-delay", RW, v -> "0"),
                XeField.of("order", RW, v -> "0"),
                XeField.of("version", RO, v -> "0"),
                XeField.of("has-vendor-device", RW, v -> "false"),
                XeField.of("requires-reboot", RO, v -> "false"));
        return new XeTable<>("VM", f, List.of("name-label", "uuid", "power-state"));
    }

    static String haPriority(Pool pool, Vm v) {
        return pool.seed(v.uuid()).map(VmSeed::haRestartPriority).orElse("");
    }

    /** A host reference as the CLI prints it: the host's uuid, or {@code <not in database>} for a null reference. */
    static String ref(String uuid) {
        return uuid.isEmpty() ? NULL_REF : uuid;
    }

    private static String bytes(Vm v) {
        return String.valueOf(v.memoryMiB() << 20);
    }

    private static Map<String, String> platform(Vm v) {
        Map<String, String> m = new LinkedHashMap<>();
        if (v.controlDomain()) return m;
        m.put("timeoffset", "0");
        m.put("nx", "true");
        m.put("acpi", "1");
        m.put("apic", "true");
        m.put("pae", "true");
        m.put("hpet", "true");
        m.put("viridian", "true");
        return m;
    }

    private static String allowedOperations(Vm v) {
        if (v.controlDomain()) return "changing_dynamic_range; changing_VCPUs_live; data_source_op";
        return v.running()
                ? "changing_dynamic_range; migrate_send; pool_migrate; changing_VCPUs_live; suspend; hard_reboot;"
                        + " hard_shutdown; clean_reboot; clean_shutdown; pause; checkpoint; snapshot"
                : "changing_dynamic_range; changing_shadow_memory; changing_static_range; make_into_template;"
                        + " migrate_send; destroy; export; start_on; start; clone; copy; snapshot";
    }
}
