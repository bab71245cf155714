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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * {@code <state>/state.json}: the {@link HostState} of one host, shared by every process serving it. Every change is
 * made under an exclusive lock ({@code <state>/lock}: a JVM lock, since file locks are per process, plus a file lock
 * for other processes) and written to a temporary file that is renamed over the old one, so readers never see a
 * half-written state. A pool member keeps its VMs in the pool's table instead and takes the pool's lock ({@link Pool}).
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
    /** A pool member's VMs live in the pool's table ({@code <pool>/vms.json}, see {@link Pool}); else null. */
    private final Path sharedVms;

    StateStore(Path stateDir) {
        this(stateDir, null);
    }

    /** A pool member's store: its own state, the pool's VM table, and the pool's lock, which every member takes. */
    StateStore(Path stateDir, Path poolDir) {
        Path dir = stateDir.toAbsolutePath().normalize();
        Path lockDir = poolDir == null ? dir : poolDir.toAbsolutePath().normalize();
        this.file = dir.resolve("state.json");
        this.lockFile = lockDir.resolve("lock");
        this.jvmLock = JVM_LOCKS.computeIfAbsent(lockDir, d -> new ReentrantLock());
        this.sharedVms = poolDir == null ? null : lockDir.resolve("vms.json");
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
        HostState own = fromJson(new JSONObject(Files.readString(file, StandardCharsets.UTF_8)));
        if (sharedVms == null) return own;
        return new HostState(own.bootId(), own.cmdline(), own.pcibackLoaded(), own.pcibackBound(), own.pcibackSlots(),
                sharedVms().orElseThrow(), own.nextDomId());
    }

    /** The pool's VM table, when this host is in a pool and the table exists. */
    Optional<List<Vm>> sharedVms() throws IOException {
        if (sharedVms == null || !Files.exists(sharedVms)) return Optional.empty();
        return Optional.of(vms(new JSONObject(Files.readString(sharedVms, StandardCharsets.UTF_8)).getJSONArray("vms")));
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
            HostState own = state;
            if (sharedVms != null) {
                writeAtomically(sharedVms, new JSONObject().put("vms", vmsJson(state.vms())).toString(2) + "\n");
                own = new HostState(state.bootId(), state.cmdline(), state.pcibackLoaded(), state.pcibackBound(),
                        state.pcibackSlots(), List.of(), state.nextDomId());
            }
            writeAtomically(file, toJson(own).toString(2) + "\n");
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
        return new JSONObject().put("boot-id", s.bootId()).put("cmdline", s.cmdline())
                .put("pciback-loaded", s.pcibackLoaded()).put("pciback-bound", new JSONArray(s.pcibackBound()))
                .put("pciback-slots", new JSONArray(s.pcibackSlots())).put("vms", vmsJson(s.vms()))
                .put("next-dom-id", s.nextDomId());
    }

    private static JSONArray vmsJson(List<Vm> list) {
        JSONArray vms = new JSONArray();
        for (Vm v : list) {
            JSONArray oc = new JSONArray();
            v.otherConfig().forEach((k, val) -> oc.put(new JSONArray().put(k).put(val)));
            vms.put(new JSONObject().put("uuid", v.uuid()).put("name-label", v.nameLabel())
                    .put("name-description", v.nameDescription()).put("power-state", v.powerState())
                    .put("is-control-domain", v.controlDomain()).put("resident-on", v.residentOn())
                    .put("affinity", v.affinity()).put("other-config", oc).put("dom-id", v.domId())
                    .put("start-time", v.startTime()).put("memory-mib", v.memoryMiB()).put("vcpus", v.vcpus())
                    .put("attached", new JSONArray(v.attached())));
        }
        return vms;
    }

    private static HostState fromJson(JSONObject o) {
        return new HostState(o.getString("boot-id"), o.getString("cmdline"), o.getBoolean("pciback-loaded"),
                strings(o.getJSONArray("pciback-bound")), strings(o.getJSONArray("pciback-slots")),
                vms(o.getJSONArray("vms")), o.getLong("next-dom-id"));
    }

    private static List<Vm> vms(JSONArray arr) {
        List<Vm> vms = new ArrayList<>();
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
                    v.getLong("memory-mib"), v.getInt("vcpus"),
                    v.has("attached") ? strings(v.getJSONArray("attached")) : List.of()));
        }
        return vms;
    }

    private static List<String> strings(JSONArray a) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.length(); i++) out.add(a.getString(i));
        return out;
    }
}
