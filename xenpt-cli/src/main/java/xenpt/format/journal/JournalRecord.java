package xenpt.format.journal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import xenpt.json.Json;

/**
 * One record that apply writes to the journal: one line of {@link JournalFile#PATH}.
 *
 * @param id      random, unique per record: what makes a retried append harmless
 * @param result  {@code applied}, {@code failed}, {@code interrupted} or {@code force-unlocked}
 * @param changes the changes made (for a failed apply: those made before the failure)
 * @param error   the failure, for a failed or interrupted apply
 * @param note    what else a reader needs, e.g. which lock {@code force-unlock} removed
 */
public record JournalRecord(String id, String time, String planId, Optional<String> commit, String desiredDigest,
        String result, List<Made> changes, Optional<String> error, Optional<String> note) {

    /** One change made, as the journal records it ({@code kind} is the change kind's word, e.g. {@code assign}). */
    public record Made(String kind, String target, Optional<String> before, Optional<String> after) {

        public Made {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    public JournalRecord {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("a journal record needs an id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(result, "result");
        changes = List.copyOf(changes);
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(note, "note");
    }

    /** The record as its journal line, without the line end. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("time", time);
        m.put("plan_id", planId);
        m.put("commit", commit);
        m.put("desired_digest", desiredDigest);
        m.put("result", result);
        m.put("changes", changes.stream().map(JournalRecord::change).toList());
        m.put("error", error);
        if (note.isPresent()) m.put("note", note);
        // which xenpt wrote the record; last so that older readers and records keep their key order
        m.put("xenpt_version", xenpt.build.XenptVersion.current().recorded());
        return Json.line(m);
    }

    private static Map<String, Object> change(Made c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind());
        m.put("target", c.target());
        m.put("before", c.before());
        m.put("after", c.after());
        return m;
    }
}
