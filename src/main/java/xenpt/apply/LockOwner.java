package xenpt.apply;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * The owner file of the host lock ({@code /var/lock/xenpt.lock/owner}, docs/observation-commands.md): who holds the
 * lock, so that a waiting or failing apply can name the holder, and a lock left by a crash can be traced.
 *
 * @param owner  {@code user@client host}
 * @param time   when the lock was taken, ISO-8601 UTC
 * @param planId the plan being applied
 */
record LockOwner(String owner, long pid, String time, String planId) {

    LockOwner {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(planId, "planId");
    }

    String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owner", owner);
        m.put("pid", pid);
        m.put("time", time);
        m.put("plan_id", planId);
        return JsonLine.write(m) + "\n";
    }

    /** The owner recorded in {@code text}; empty when it is not an owner file xenpt wrote. */
    static Optional<LockOwner> parse(String text) {
        try {
            JSONObject o = new JSONObject(text.strip());
            return Optional.of(new LockOwner(o.getString("owner"), o.getLong("pid"), o.getString("time"),
                    o.optString("plan_id", "")));
        } catch (JSONException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** {@code root@ci-7 (pid 4242) since 2026-11-25T00:47:00Z for plan 3f2a…}. */
    String describe() {
        return owner + " (pid " + pid + ") since " + time + (planId.isEmpty() ? "" : " for plan " + planId);
    }
}
