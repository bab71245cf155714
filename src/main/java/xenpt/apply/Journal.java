package xenpt.apply;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xenpt.plan.Change;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The host's apply journal, {@code /var/log/xenpt/journal.jsonl}: one JSON record per apply (format in
 * docs/observation-commands.md). Appended under the host lock by reading it, writing the longer content to a
 * temporary file in the same directory and renaming that over the journal, so the file is always whole.
 */
final class Journal {

    static final String DIR = "/var/log/xenpt";
    static final String FILE = DIR + "/journal.jsonl";

    /**
     * One record.
     *
     * @param result  {@code applied} or {@code failed}
     * @param changes the changes made (for a failed apply: those made before the failure)
     * @param error   the failure, for a failed apply
     */
    record Entry(String time, String planId, Optional<String> commit, String desiredDigest, String result,
            List<Change> changes, Optional<String> error) {

        Entry {
            changes = List.copyOf(changes);
        }

        String toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", time);
            m.put("plan_id", planId);
            m.put("commit", commit);
            m.put("desired_digest", desiredDigest);
            m.put("result", result);
            m.put("changes", changes.stream().map(Entry::change).toList());
            m.put("error", error);
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

    static void append(HostSession s, Entry entry) throws ApplyException, TransportException {
        CommandResult old = s.run(Command.of("cat", FILE));
        String text = old.ok() ? old.stdout() : "";
        if (!old.ok()) {
            if (!old.stderr().contains("No such file")) throw Remote.failed(s, "cat", old);
            Remote.must(s, Command.of("mkdir", "-p", DIR), "mkdir");
        }
        if (!text.isEmpty() && !text.endsWith("\n")) text += "\n";
        String tmp = DIR + "/.journal.jsonl." + entry.planId().replaceAll("[^A-Za-z0-9]", "_") + "." + ProcessHandle.current().pid() + ".tmp";
        s.writeFile(tmp, (text + entry.toJson() + "\n").getBytes(StandardCharsets.UTF_8), 0644);
        Remote.must(s, Command.of("mv", "-f", tmp, FILE), "mv");
    }
}
