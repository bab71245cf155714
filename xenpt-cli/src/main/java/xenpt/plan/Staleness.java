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
     * One sentence per changed fact, in key order ({@link Fact#key}: subject and field, so that a VM is matched by
     * its uuid); empty when the plan is still current. The sentence names the fact as a person would look for it,
     * e.g. {@code vm 'db1' other-config:pci was '' and is now '0/0000:01:00.0'}.
     */
    public static List<String> check(List<Fact> saved, List<Fact> current) {
        Map<String, Fact> was = Facts.byKey(saved);
        Map<String, Fact> now = Facts.byKey(current);
        TreeSet<String> keys = new TreeSet<>(was.keySet());
        keys.addAll(now.keySet());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            Fact before = was.get(key);
            Fact after = now.get(key);
            if (before == null) {
                out.add(Facts.label(after, current) + " is new: '" + after.value() + "'");
            } else if (after == null) {
                out.add(Facts.label(before, saved) + " was '" + before.value() + "' and is now gone");
            } else if (!before.value().equals(after.value())) {
                out.add(Facts.label(before, saved) + " was '" + before.value() + "' and is now '" + after.value() + "'");
            }
        }
        return out;
    }
}
