package xenpt.format.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of a host's xenpt journal ({@code /var/log/xenpt/journal.jsonl}, written by {@code apply}): what
 * {@code inspect} and {@code drift} show as the host's last applied commit.
 *
 * @param id     the record's id; {@code ""} for records written before records had one
 * @param time   when the apply finished
 * @param planId the plan that was applied
 * @param commit the desired state's git commit, when it was known
 * @param result {@code applied}, {@code failed}, {@code interrupted}, {@code force-unlocked} (kept as written, so
 *               a newer word still shows)
 */
public record JournalEntry(String id, Instant time, String planId, Optional<String> commit, String result) {

    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(result, "result");
    }

    /** The commit shortened to 12 hex digits, or {@code (no commit)}. */
    public String shortCommit() {
        return commit.map(c -> c.length() > 12 ? c.substring(0, 12) : c).orElse("(no commit)");
    }
}
