package xenpt.format.journal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import xenpt.json.JsonException;
import xenpt.json.JsonObject;

/**
 * The host journal {@value #PATH} (docs/observation-commands.md, "Host lock and journal"): one JSON object a line,
 * one per apply. Its reader and writer: observe reads the last record, apply appends one. Reading skips a torn or
 * foreign line rather than failing the observation, since the journal is informative and never drives a plan.
 */
public final class JournalFile {

    /** The directory of the journal, where its temporary files are written too. */
    public static final String DIR = "/var/log/xenpt";
    public static final String PATH = DIR + "/journal.jsonl";

    private JournalFile() {}

    /**
     * The last record of an apply that parses, or empty (no journal, an empty one, or nothing readable in it). A
     * {@code force-unlock} record is not an apply, so it is passed over.
     */
    public static Optional<JournalEntry> last(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Optional<JournalEntry> e = parse(lines.get(i));
            if (e.isPresent() && !e.get().result().equals("force-unlocked") && !e.get().result().equals(RebootTrace.RESULT)) {
                return e;
            }
        }
        return Optional.empty();
    }

    /**
     * The reboot an apply left unfinished: the last {@link RebootTrace} record, unless it is at its last stage. An
     * apply that sees one finishes the job (enables the host xenpt disabled, starts the VMs xenpt shut down).
     */
    public static Optional<RebootTrace> unfinishedReboot(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Optional<RebootTrace> t = RebootTrace.parse(lines.get(i));
            if (t.isPresent()) return t.filter(x -> !x.finished());
        }
        return Optional.empty();
    }

    /** The journal {@code text} with the trace record appended; empty when its id is there already. */
    public static Optional<String> appended(String text, RebootTrace trace) {
        if (ids(text).contains(trace.id())) return Optional.empty();
        String whole = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        return Optional.of(whole + trace.toJson() + "\n");
    }

    /**
     * The ids of the records in {@code text} (records written before ids existed have none), so that an append can
     * tell that its record is there already.
     */
    public static Set<String> ids(String text) {
        Set<String> ids = new HashSet<>();
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(JournalFile::parse)
                .flatMap(Optional::stream).map(JournalEntry::id).filter(id -> !id.isEmpty()).forEach(ids::add);
        return ids;
    }

    /**
     * The journal {@code text} with {@code record} appended as its last line; empty when a record with its id is
     * there already (an append whose answer was lost), so a retried append writes nothing.
     */
    public static Optional<String> appended(String text, JournalRecord record) {
        if (ids(text).contains(record.id())) return Optional.empty();
        String whole = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        return Optional.of(whole + record.toJson() + "\n");
    }

    /** Where an append writes the new journal before renaming it over {@link #PATH}: beside it, so the rename is one. */
    public static String tempPath(String recordId) {
        return DIR + "/.journal.jsonl." + recordId + ".tmp";
    }

    static Optional<JournalEntry> parse(String line) {
        try {
            JsonObject o = JsonObject.parse(line);
            Instant time = Instant.parse(o.string("time"));
            Optional<String> commit = o.optionalString("commit");
            return Optional.of(new JournalEntry(o.optString("id", ""), time, o.optString("plan_id", ""),
                    commit.filter(c -> !c.isBlank()), o.optString("result", "")));
        } catch (JsonException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
