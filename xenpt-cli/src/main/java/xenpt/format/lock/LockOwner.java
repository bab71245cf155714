package xenpt.format.lock;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import xenpt.json.Json;
import xenpt.json.JsonException;
import xenpt.json.JsonObject;

/**
 * The owner file of the host lock ({@code /var/lock/xenpt.lock/owner}, docs/observation-commands.md), its one reader ({@link #parse}) and
 * writer ({@link #toJson}): who holds the lock, so that a waiting or failing apply can name the holder, and a lock
 * left by a crash can be traced.
 *
 * @param lockId a random id of this one lock (shown in every "held by" message; {@code force-unlock --lock-id} names
 *               it); {@code ""} in owner files of xenpt versions before it
 * @param owner  {@code user@client host}
 * @param time   when the lock was taken, ISO-8601 UTC
 * @param planId the plan being applied
 * @param bootId the host's {@code /proc/sys/kernel/random/boot_id} when the lock was taken: a lock of an earlier boot
 *               is stale by construction (its holder's apply died with that boot); {@code ""} when not recorded
 */
public record LockOwner(String lockId, String owner, long pid, String time, String planId, String bootId) {

    /** The host lock: a directory, made whole with its owner file by one rename. */
    public static final String LOCK_DIR = "/var/lock/xenpt.lock";
    public static final String FILE = fileIn(LOCK_DIR);

    public LockOwner {
        Objects.requireNonNull(lockId, "lockId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(bootId, "bootId");
    }

    /** The owner file in the lock directory {@code dir} (the lock itself, or one being made or removed). */
    public static String fileIn(String dir) {
        return dir + "/owner";
    }

    /** A new owner with a fresh random lock id; the boot id is filled in when the lock is taken. */
    public static LockOwner fresh(String owner, long pid, String time, String planId) {
        return new LockOwner(UUID.randomUUID().toString(), owner, pid, time, planId, "");
    }

    public LockOwner withBootId(String id) {
        return new LockOwner(lockId, owner, pid, time, planId, id);
    }

    /** The same lock (same lock id): what an apply finds after it lost the answer to its own rename. */
    public boolean sameLock(LockOwner other) {
        return !lockId.isEmpty() && lockId.equals(other.lockId);
    }

    /** Whether the lock was taken in another boot of the host than {@code currentBootId}. */
    public boolean fromEarlierBoot(String currentBootId) {
        return !bootId.isEmpty() && !currentBootId.isEmpty() && !bootId.equals(currentBootId);
    }

    /** The owner file's content: one JSON line. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lock_id", lockId);
        m.put("owner", owner);
        m.put("pid", pid);
        m.put("time", time);
        m.put("plan_id", planId);
        m.put("boot_id", bootId);
        return Json.line(m) + "\n";
    }

    /** The owner recorded in {@code text}; empty when it is not an owner file xenpt wrote. */
    public static Optional<LockOwner> parse(String text) {
        try {
            JsonObject o = JsonObject.parse(text.strip());
            return Optional.of(new LockOwner(o.optString("lock_id", ""), o.string("owner"), o.longValue("pid"),
                    o.string("time"), o.optString("plan_id", ""), o.optString("boot_id", "")));
        } catch (JsonException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** {@code root@ci-7 (pid 4242) since 2026-11-25T00:47:00Z for plan 3f2a…, lock id 9c1e…}. */
    public String describe() {
        return owner + " (pid " + pid + ") since " + time + (planId.isEmpty() ? "" : " for plan " + planId)
                + (lockId.isEmpty() ? "" : ", lock id " + lockId);
    }
}
