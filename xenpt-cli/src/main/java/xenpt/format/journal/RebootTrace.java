package xenpt.format.journal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import xenpt.json.Json;
import xenpt.json.JsonException;
import xenpt.json.JsonObject;

/**
 * One stage of a reboot that apply orchestrates, as a line of the host journal ({@link JournalFile#PATH}) with
 * {@code "result": "reboot-stage"}: written before and after each step of the reboot, so that an apply interrupted
 * in the middle leaves what the next apply needs to finish the job — whether xenpt disabled the host, which VMs it
 * shut down (to start again on this host), which it migrated away. Each record is whole: it repeats what the stages
 * before it did.
 *
 * @param stage    the last stage reached
 * @param bootId   the host's boot id before the reboot: a different one now means the host rebooted
 * @param restart  whether the VMs shut down are to be started again ({@code vmRestart: auto})
 * @param shutDown VMs xenpt shut down on this host, to start again here after the reboot
 * @param migrated VMs xenpt migrated to other pool members (they stay there)
 */
public record RebootTrace(String id, String time, String planId, Stage stage, String bootId, boolean hostDisabled,
        boolean restart, List<TracedVm> shutDown, List<TracedVm> migrated) {

    /** The journal's {@code result} of a trace record. */
    public static final String RESULT = "reboot-stage";

    /** The stages, in order. */
    public enum Stage {
        STARTED("started"),
        HOST_DISABLED("host-disabled"),
        VMS_SHUT_DOWN("vms-shut-down"),
        EVACUATED("evacuated"),
        REBOOTING("rebooting"),
        BACK("back"),
        HOST_ENABLED("host-enabled"),
        FINISHED("finished");

        private final String word;

        Stage(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static Optional<Stage> of(String word) {
            for (Stage s : values()) if (s.word.equals(word)) return Optional.of(s);
            return Optional.empty();
        }
    }

    /** A VM named in a trace. */
    public record TracedVm(String uuid, String name) {
        public TracedVm {
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(name, "name");
        }
    }

    public RebootTrace {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("a journal record needs an id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(bootId, "bootId");
        shutDown = List.copyOf(shutDown);
        migrated = List.copyOf(migrated);
    }

    /** This trace at a later stage, as a new record (id and time are the new record's). */
    public RebootTrace at(Stage next, String newId, String newTime) {
        return new RebootTrace(newId, newTime, planId, next, bootId, hostDisabled, restart, shutDown, migrated);
    }

    public RebootTrace withHostDisabled(boolean disabled) {
        return new RebootTrace(id, time, planId, stage, bootId, disabled, restart, shutDown, migrated);
    }

    public RebootTrace withVms(List<TracedVm> down, List<TracedVm> moved) {
        return new RebootTrace(id, time, planId, stage, bootId, hostDisabled, restart, down, moved);
    }

    public boolean finished() {
        return stage == Stage.FINISHED;
    }

    /** The record as its journal line, without the line end. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("time", time);
        m.put("plan_id", planId);
        m.put("result", RESULT);
        m.put("stage", stage.word());
        m.put("boot_id", bootId);
        m.put("host_disabled", hostDisabled);
        m.put("restart", restart);
        m.put("shut_down", shutDown.stream().map(RebootTrace::vm).toList());
        m.put("migrated", migrated.stream().map(RebootTrace::vm).toList());
        m.put("xenpt_version", xenpt.build.XenptVersion.current().recorded());
        return Json.line(m);
    }

    private static Map<String, Object> vm(TracedVm v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", v.uuid());
        m.put("name", v.name());
        return m;
    }

    /** A trace record, or empty for another record or a line that does not parse as one. */
    static Optional<RebootTrace> parse(String line) {
        try {
            JsonObject o = JsonObject.parse(line);
            if (!o.optString("result", "").equals(RESULT)) return Optional.empty();
            Optional<Stage> stage = Stage.of(o.optString("stage", ""));
            if (stage.isEmpty()) return Optional.empty();
            return Optional.of(new RebootTrace(o.string("id"), o.string("time"), o.optString("plan_id", ""),
                    stage.get(), o.optString("boot_id", ""), o.bool("host_disabled"), o.bool("restart"),
                    vms(o, "shut_down"), vms(o, "migrated")));
        } catch (JsonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<TracedVm> vms(JsonObject o, String key) {
        return o.objects(key).stream().map(v -> new TracedVm(v.string("uuid"), v.string("name"))).toList();
    }
}
