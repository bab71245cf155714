package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import xenpt.observed.ObservedHost;

/** Compares the facts a saved plan was made from with the facts observed now. */
public final class Staleness {

    private Staleness() {}

    /**
     * What changed on a host since its plan was made, from the facts of the host observed now: the one check that
     * refuses a stale saved plan before apply and a stale host plan under the host's lock.
     */
    public static List<String> since(HostPlan plan, ObservedHost now) {
        return check(plan.facts(), Facts.of(now));
    }

    /**
     * One sentence per changed fact, in key order; empty when the plan is still current. E.g.
     * {@code vm 'db1' other-config:pci was '' and is now '0/0000:01:00.0'}.
     */
    public static List<String> check(Map<String, String> saved, Map<String, String> current) {
        TreeSet<String> keys = new TreeSet<>(saved.keySet());
        keys.addAll(current.keySet());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String was = saved.get(key);
            String now = current.get(key);
            if (was == null) {
                out.add(key + " is new: '" + now + "'");
            } else if (now == null) {
                out.add(key + " was '" + was + "' and is now gone");
            } else if (!was.equals(now)) {
                out.add(key + " was '" + was + "' and is now '" + now + "'");
            }
        }
        return out;
    }
}
