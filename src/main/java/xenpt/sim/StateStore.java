package xenpt.sim;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * {@code <state>/state.json}: the {@link HostState} of one host, shared by every process serving it. Every change is
 * made under an exclusive lock ({@code <state>/lock}: a JVM lock, since file locks are per process, plus a file lock
 * for other processes) and written to a temporary file that is renamed over the old one, so readers never see a
 * half-written state.
 */
final class StateStore {

    /** Work that runs under the host's lock. */
    interface Locked<T> {
        T run() throws IOException;
    }

    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final ReentrantLock jvmLock;

    StateStore(Path stateDir) {
        Path dir = stateDir.toAbsolutePath().normalize();
        this.file = dir.resolve("state.json");
        this.lockFile = dir.resolve("lock");
        this.jvmLock = JVM_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** Runs {@code work} holding the host lock (re-entrant within this JVM). */
    <T> T locked(Locked<T> work) throws IOException {
        jvmLock.lock();
        try {
            if (jvmLock.getHoldCount() > 1) return work.run();
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                return work.run();
            }
        } finally {
            jvmLock.unlock();
        }
    }

    HostState read() throws IOException {
        return fromJson(new JSONObject(Files.readString(file, StandardCharsets.UTF_8)));
    }

    HostState update(UnaryOperator<HostState> change) throws IOException {
        return locked(() -> {
            HostState next = change.apply(read());
            write(next);
            return next;
        });
    }

    void write(HostState state) throws IOException {
        locked(() -> {
            writeAtomically(file, toJson(state).toString(2) + "\n");
            return null;
        });
    }

    /** Writes {@code content} to a temporary file beside {@code target} and renames it over {@code target}. */
    static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp" + ProcessHandle.current().pid()
                + "-" + Thread.currentThread().threadId());
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static JSONObject toJson(HostState s) {
        JSONArray vms = new JSONArray();
        for (Vm v : s.vms()) {
            JSONArray oc = new JSONArray();
            v.otherConfig().forEach((k, val) -> oc.put(new JSONArray().put(k).put(val)));
            vms.put(new JSONObject().put("uuid", v.uuid()).put("name-label", v.nameLabel())
                    .put("name-description", v.nameDescription()).put("power-state", v.powerState())
                    .put("is-control-domain", v.controlDomain()).put("resident-on", v.residentOn())
                    .put("affinity", v.affinity()).put("other-config", oc).put("dom-id", v.domId())
                    .put("start-time", v.startTime()).put("memory-mib", v.memoryMiB()).put("vcpus", v.vcpus()));
        }
        return new JSONObject().put("boot-id", s.bootId()).put("cmdline", s.cmdline())
                .put("pciback-loaded", s.pcibackLoaded()).put("pciback-bound", new JSONArray(s.pcibackBound()))
                .put("pciback-slots", new JSONArray(s.pcibackSlots())).put("vms", vms)
                .put("next-dom-id", s.nextDomId());
    }

    private static HostState fromJson(JSONObject o) {
        List<Vm> vms = new ArrayList<>();
        JSONArray arr = o.getJSONArray("vms");
        for (int i = 0; i < arr.length(); i++) {
            JSONObject v = arr.getJSONObject(i);
            Map<String, String> oc = new LinkedHashMap<>();
            JSONArray pairs = v.getJSONArray("other-config");
            for (int j = 0; j < pairs.length(); j++) {
                oc.put(pairs.getJSONArray(j).getString(0), pairs.getJSONArray(j).getString(1));
            }
            vms.add(new Vm(v.getString("uuid"), v.getString("name-label"), v.getString("name-description"),
                    v.getString("power-state"), v.getBoolean("is-control-domain"), v.getString("resident-on"),
                    v.getString("affinity"), oc, v.getLong("dom-id"), v.getString("start-time"),
                    v.getLong("memory-mib"), v.getInt("vcpus")));
        }
        return new HostState(o.getString("boot-id"), o.getString("cmdline"), o.getBoolean("pciback-loaded"),
                strings(o.getJSONArray("pciback-bound")), strings(o.getJSONArray("pciback-slots")), vms,
                o.getLong("next-dom-id"));
    }

    private static List<String> strings(JSONArray a) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.length(); i++) out.add(a.getString(i));
        return out;
    }
}
