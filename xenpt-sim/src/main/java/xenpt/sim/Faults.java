package xenpt.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Fault injection for tests, kept in {@code <state>/faults.json} so that every process serving the host (and a test
 * that sets a fault on a running {@link SimulatedHost}) sees the same faults. A rule fires once, at the Nth command
 * whose text (the exec string as received, or {@code sftp-write <path>} / {@code sftp-rename <from> <to>} for SFTP)
 * matches its regular expression ({@code find}); it fails the command (exit status and message on stderr), drops the
 * connection without an answer (before or after the command ran), hangs until the client gives up, or fills the boot
 * disk. The boot file tools report their own writing step as {@code xen-cmdline-write <path>} ({@link XenCmdline}).
 */
public final class Faults {

    private final Path file;
    private final StateStore lock;

    Faults(Path stateDir, StateStore lock) {
        this.file = stateDir.resolve("faults.json");
        this.lock = lock;
    }

    /** The {@code nth} (1-based) command matching {@code regex} fails with exit 1 and {@code message} on stderr. */
    public Faults failAt(String regex, int nth, String message) throws IOException {
        return addRule(new JSONObject().put("kind", "fail").put("pattern", regex).put("nth", nth).put("seen", 0)
                .put("message", message).put("exit", 1));
    }

    /** The {@code nth} (1-based) command matching {@code regex} drops the connection before answering. */
    public Faults dropAt(String regex, int nth) throws IOException {
        return addRule(new JSONObject().put("kind", "drop").put("pattern", regex).put("nth", nth).put("seen", 0));
    }

    /**
     * The boot disk fills up at the {@code nth} (1-based) command matching {@code regex}: that command and every
     * later write under {@code /boot} meet a full disk (as {@link #bootDiskFull}), so a backup can succeed and the
     * next write fail.
     */
    public Faults fillBootDiskAt(String regex, int nth) throws IOException {
        return addRule(new JSONObject().put("kind", "fill").put("pattern", regex).put("nth", nth).put("seen", 0));
    }

    /**
     * The {@code nth} (1-based) command matching {@code regex} runs, then the connection drops before its answer is
     * sent (exec commands only): the client cannot tell whether it ran.
     */
    public Faults dropAfter(String regex, int nth) throws IOException {
        return addRule(new JSONObject().put("kind", "drop-after").put("pattern", regex).put("nth", nth).put("seen", 0));
    }

    /**
     * The {@code nth} (1-based) command matching {@code regex} gets no answer and does not run until the client
     * closes the connection: a test can interrupt the client while it waits in that command.
     */
    public Faults hangAt(String regex, int nth) throws IOException {
        return addRule(new JSONObject().put("kind", "hang").put("pattern", regex).put("nth", nth).put("seen", 0));
    }

    /** How many commands matched the {@code index}th rule (0-based) so far. */
    public int seen(int index) throws IOException {
        JSONArray rules = read().optJSONArray("rules");
        return rules == null || index >= rules.length() ? 0 : rules.getJSONObject(index).getInt("seen");
    }

    /** Every exec request waits {@code millis} before it runs (once per request: a script pays it once). */
    public Faults latency(long millis) throws IOException {
        return change(o -> o.put("latency-ms", millis));
    }

    /** Writes of files under {@code /boot} fail with "No space left on device" (commands, xen-cmdline, SFTP). */
    public Faults bootDiskFull(boolean on) throws IOException {
        return change(o -> o.put("boot-disk-full", on));
    }

    /** The next reboot never ends: the host stays unreachable until the simulator is closed. */
    public Faults rebootNeverReturns(boolean on) throws IOException {
        return change(o -> o.put("reboot-never-returns", on));
    }

    /**
     * Every {@code vm-start} brings the domain up without the devices of {@code other-config:pci}: the start
     * succeeds, {@code xenstore-ls} and {@code xl pci-list} show nothing plugged.
     */
    public Faults startsWithoutPci(boolean on) throws IOException {
        return change(o -> o.put("starts-without-pci", on));
    }

    /** Removes every fault. */
    public Faults clear() throws IOException {
        lock.locked(() -> {
            Files.deleteIfExists(file);
            return null;
        });
        return this;
    }

    long latencyMs() throws IOException {
        return read().optLong("latency-ms", 0);
    }

    boolean bootDiskFull() throws IOException {
        return read().optBoolean("boot-disk-full", false);
    }

    boolean startsWithoutPci() throws IOException {
        return read().optBoolean("starts-without-pci", false);
    }

    boolean rebootNeverReturns() throws IOException {
        return read().optBoolean("reboot-never-returns", false);
    }

    /** Counts {@code command} against every rule; the outcome of the rule that fires now, if any. */
    Optional<Outcome> check(String command) throws IOException {
        if (!Files.exists(file)) return Optional.empty();
        return lock.locked(() -> {
            JSONObject o = read();
            JSONArray rules = o.optJSONArray("rules");
            Optional<Outcome> fired = Optional.empty();
            for (int i = 0; rules != null && i < rules.length(); i++) {
                JSONObject r = rules.getJSONObject(i);
                if (!Pattern.compile(r.getString("pattern")).matcher(command).find()) continue;
                int seen = r.getInt("seen") + 1;
                r.put("seen", seen);
                if (seen != r.getInt("nth")) continue;
                if (r.getString("kind").equals("fill")) o.put("boot-disk-full", true);
                else if (fired.isEmpty()) fired = Optional.of(outcome(r));
            }
            write(o);
            return fired;
        });
    }

    private static Outcome outcome(JSONObject rule) {
        switch (rule.getString("kind")) {
            case "drop" -> {
                return new Outcome(-1, "", "", Outcome.Effect.DROP);
            }
            case "drop-after" -> {
                return new Outcome(-1, "", "", Outcome.Effect.DROP_AFTER);
            }
            case "hang" -> {
                return new Outcome(-1, "", "", Outcome.Effect.HANG);
            }
            default -> { }
        }
        String msg = rule.getString("message");
        return Outcome.fail(rule.getInt("exit"), msg.endsWith("\n") ? msg : msg + "\n");
    }

    private interface Change {
        void apply(JSONObject o);
    }

    private Faults addRule(JSONObject rule) throws IOException {
        return change(o -> {
            if (!o.has("rules")) o.put("rules", new JSONArray());
            o.getJSONArray("rules").put(rule);
        });
    }

    private Faults change(Change c) throws IOException {
        lock.locked(() -> {
            JSONObject o = read();
            c.apply(o);
            write(o);
            return null;
        });
        return this;
    }

    private JSONObject read() throws IOException {
        return Files.exists(file) ? new JSONObject(Files.readString(file, StandardCharsets.UTF_8)) : new JSONObject();
    }

    private void write(JSONObject o) throws IOException {
        StateStore.writeAtomically(file, o.toString(2) + "\n");
    }
}
