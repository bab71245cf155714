package xenpt.apply;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import xenpt.plan.Change;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The host's apply journal, {@code /var/log/xenpt/journal.jsonl}: one JSON record per apply (format in
 * docs/observation-commands.md). Appended under the host lock by reading it, writing the longer content to a
 * temporary file in the same directory and renaming that over the journal, so the file is always whole. Appends are
 * idempotent: every record has an id, and an append whose id is in the journal already (the rename was done, its
 * answer lost) writes nothing.
 */
public final class Journal {

    static final String DIR = "/var/log/xenpt";
    static final String FILE = xenpt.observed.Journal.PATH;

    /**
     * One record.
     *
     * @param id      random, unique per record: what makes a retried append harmless
     * @param result  {@code applied}, {@code failed}, {@code interrupted} or {@code force-unlocked}
     * @param changes the changes made (for a failed apply: those made before the failure)
     * @param error   the failure, for a failed or interrupted apply
     * @param note    what else a reader needs, e.g. which lock {@code force-unlock} removed
     */
    public record Entry(String id, String time, String planId, Optional<String> commit, String desiredDigest,
            String result, List<Change> changes, Optional<String> error, Optional<String> note) {

        public Entry {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) throw new IllegalArgumentException("a journal record needs an id");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(planId, "planId");
            Objects.requireNonNull(result, "result");
            changes = List.copyOf(changes);
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(note, "note");
        }

        /** A record with a new random id. */
        static Entry of(String time, String planId, Optional<String> commit, String desiredDigest, String result,
                List<Change> changes, Optional<String> error) {
            return new Entry(UUID.randomUUID().toString(), time, planId, commit, desiredDigest, result, changes, error,
                    Optional.empty());
        }

        /** The same record (same id) with another outcome: a retry of it is still recognised. */
        Entry withResult(String newResult, List<Change> newChanges, Optional<String> newError) {
            return new Entry(id, time, planId, commit, desiredDigest, newResult, newChanges, newError, note);
        }

        String toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("time", time);
            m.put("plan_id", planId);
            m.put("commit", commit);
            m.put("desired_digest", desiredDigest);
            m.put("result", result);
            m.put("changes", changes.stream().map(Entry::change).toList());
            m.put("error", error);
            if (note.isPresent()) m.put("note", note);
            // which xenpt wrote the record; last so that older readers and records keep their key order
            m.put("xenpt_version", xenpt.build.XenptVersion.current().recorded());
            return JsonLine.write(m);
        }

        private static Map<String, Object> change(Change c) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", c.kind().word());
            m.put("target", c.target());
            m.put("before", c.before());
            m.put("after", c.after());
            return m;
        }
    }

    private Journal() {}

    /** Appends {@code entry} unless a record with its id is there already. */
    public static void append(HostSession s, Entry entry) throws ApplyException, TransportException {
        CommandResult old = s.run(Command.of("cat", FILE));
        String text = old.ok() ? old.stdout() : "";
        if (!old.ok()) {
            if (!old.stderr().contains("No such file")) throw Remote.failed(s, "cat", old);
            Remote.must(s, Command.of("mkdir", "-p", DIR), "mkdir");
        }
        if (xenpt.observed.Journal.ids(text).contains(entry.id())) return;
        if (!text.isEmpty() && !text.endsWith("\n")) text += "\n";
        String tmp = DIR + "/.journal.jsonl." + entry.id() + ".tmp";
        s.writeFile(tmp, (text + entry.toJson() + "\n").getBytes(StandardCharsets.UTF_8), 0644);
        Remote.must(s, Command.of("mv", "-f", tmp, FILE), "mv");
    }
}
