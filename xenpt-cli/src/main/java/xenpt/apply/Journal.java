package xenpt.apply;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import xenpt.format.journal.JournalFile;
import xenpt.format.journal.JournalRecord;
import xenpt.format.journal.RebootTrace;
import xenpt.plan.Change;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * Appends to the host's apply journal ({@link JournalFile}, format in docs/observation-commands.md) under the host
 * lock: by reading it, writing the longer content to a temporary file in the same directory and renaming that over
 * the journal, so the file is always whole. Appends are idempotent: every record has an id, and an append whose id
 * is in the journal already (the rename was done, its answer lost) writes nothing.
 */
public final class Journal {

    private Journal() {}

    /** The changes as the journal records them. */
    public static List<JournalRecord.Made> made(List<Change> changes) {
        return changes.stream().map(c -> new JournalRecord.Made(c.kind().word(), c.target(), c.before(), c.after()))
                .toList();
    }

    /** Appends {@code record} unless a record with its id is there already. */
    public static void append(HostSession s, JournalRecord record) throws ApplyException, TransportException {
        append(s, record.id(), old -> JournalFile.appended(old, record));
    }

    /** Appends a stage of a reboot ({@link RebootTrace}) unless a record with its id is there already. */
    static void append(HostSession s, RebootTrace trace) throws ApplyException, TransportException {
        append(s, trace.id(), old -> JournalFile.appended(old, trace));
    }

    private static void append(HostSession s, String id, Function<String, Optional<String>> appended)
            throws ApplyException, TransportException {
        CommandResult old = s.run(Command.of("cat", JournalFile.PATH));
        if (!old.ok()) {
            if (!old.stderr().contains("No such file")) throw Remote.failed(s, "cat", old);
            Remote.must(s, Command.of("mkdir", "-p", JournalFile.DIR), "mkdir");
        }
        Optional<String> text = appended.apply(old.ok() ? old.stdout() : "");
        if (text.isEmpty()) return;
        String tmp = JournalFile.tempPath(id);
        s.writeFile(tmp, text.get().getBytes(StandardCharsets.UTF_8), 0644);
        Remote.must(s, Command.of("mv", "-f", tmp, JournalFile.PATH), "mv");
    }
}
