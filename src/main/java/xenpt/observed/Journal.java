package xenpt.observed;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * Reads the host journal (docs/observation-commands.md, "Host lock and journal"): one JSON object a line, appended
 * by {@code apply}. Only the last well-formed record matters; a torn or foreign line is skipped rather than failing
 * the observation, since the journal is informative and never drives a plan.
 */
public final class Journal {

    public static final String PATH = "/var/log/xenpt/journal.jsonl";

    private Journal() {}

    /**
     * The last record of an apply that parses, or empty (no journal, an empty one, or nothing readable in it). A
     * {@code force-unlock} record is not an apply, so it is passed over.
     */
    public static Optional<JournalEntry> last(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Optional<JournalEntry> e = parse(lines.get(i));
            if (e.isPresent() && !e.get().result().equals("force-unlocked")) return e;
        }
        return Optional.empty();
    }

    /**
     * The ids of the records in {@code text} (records written before ids existed have none), so that an append can
     * tell that its record is there already.
     */
    public static Set<String> ids(String text) {
        Set<String> ids = new HashSet<>();
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(Journal::parse)
                .flatMap(Optional::stream).map(JournalEntry::id).filter(id -> !id.isEmpty()).forEach(ids::add);
        return ids;
    }

    static Optional<JournalEntry> parse(String line) {
        try {
            JSONObject o = new JSONObject(line);
            Instant time = Instant.parse(o.getString("time"));
            Optional<String> commit = o.isNull("commit") ? Optional.empty() : Optional.of(o.getString("commit"));
            return Optional.of(new JournalEntry(o.optString("id", ""), time, o.optString("plan_id", ""),
                    commit.filter(c -> !c.isBlank()), o.optString("result", "")));
        } catch (JSONException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
