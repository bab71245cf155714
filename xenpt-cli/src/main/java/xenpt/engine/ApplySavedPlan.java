package xenpt.engine;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xenpt.desired.DesiredState;
import xenpt.desired.HostSpec;
import xenpt.observed.Observation;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;
import xenpt.plan.Staleness;
import xenpt.planfile.PlanFile;
import xenpt.planfile.PlanFileException;
import xenpt.planfile.SavedPlan;

/**
 * {@code apply PLANFILE}: loads a saved plan, which is self-contained (hosts, SSH settings, policies, desired hide lists
 * and VMs), and refuses it before any host is changed, saying why: it cannot be read, is of another version, was
 * modified, failed when made, does not match the {@code -f} given, or is stale (naming each fact that changed on a
 * host). The executor checks staleness and every safety rule again under each host's lock.
 */
public final class ApplySavedPlan {

    private ApplySavedPlan() {}

    /** The saved plan was not applied; the message says why (it is printed, and is the JSON report's reason). */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * @param given the desired state of {@code -f}, when given: it must be the one the plan was made from
     */
    public static SavedPlan load(Session session, Path file, List<String> targets, Optional<DesiredState> given) throws Refused {
        if (!targets.isEmpty()) {
            throw new Refused("--target cannot be combined with PLANFILE: the saved plan already says what to apply");
        }
        SavedPlan saved = read(file);
        Plan plan = saved.plan();
        if (plan.failed()) throw refuse(file + ": the plan failed when it was made; a failed plan is never applied");
        if (given.isPresent() && !given.get().digest().equals(plan.desiredDigest())) {
            throw refuse(file + ": the plan was made from another desired state than -f gives (plan: "
                    + plan.desiredDigest().substring(0, 12) + "…, -f: " + given.get().digest().substring(0, 12)
                    + "…); apply the plan without -f (it holds what it needs), or make a new plan from -f");
        }
        List<String> missing = saved.hostsWithoutSettings();
        if (!missing.isEmpty()) {
            throw refuse(file + ": the plan has no saved settings for " + String.join(", ", missing)
                    + ", which it changes, so it cannot reach them; make a new plan");
        }
        List<String> problems = stale(session, saved);
        if (!problems.isEmpty()) {
            throw new Refused(file + ": the saved plan is stale (make a new plan):\n  " + String.join("\n  ", problems));
        }
        return saved;
    }

    /** The session that reaches the plan's hosts: its simulated hosts' state directory, wherever apply runs. */
    public static Session session(Session session, SavedPlan saved) {
        if (saved.simDir().isEmpty()) return session;
        Map<String, String> env = new HashMap<>(session.env());
        env.put("XENPT_SIM_DIR", saved.simDir().get());
        return session.withEnv(env);
    }

    private static SavedPlan read(Path file) throws Refused {
        try {
            return PlanFile.read(PlanFiles.read(file));
        } catch (NoSuchFileException e) {
            throw refuse(file + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw refuse(file + ": cannot read the plan: permission denied");
        } catch (IOException e) {
            throw refuse(file + ": cannot read the plan: " + e.getMessage());
        } catch (PlanFileException e) {
            throw refuse(file + ": " + e.getMessage());
        }
    }

    private static Refused refuse(String message) {
        return new Refused(message);
    }

    /** One line per host unreachable, or fact changed since the plan was made. */
    private static List<String> stale(Session session, SavedPlan saved) {
        List<String> out = new ArrayList<>();
        List<HostSpec> specs = saved.hosts().stream()
                .filter(s -> saved.plan().host(s.name()).map(h -> !h.changes().isEmpty()).orElse(false))
                .toList();
        for (Observation o : Fleet.observe(session(session, saved), specs)) {
            HostPlan h = saved.plan().host(o.name()).orElseThrow();
            switch (o) {
                case Observation.Unreachable u -> out.add(u.name() + ": unreachable: " + u.reason());
                case Observation.Reached r ->
                    Staleness.since(h, r.host()).forEach(f -> out.add(h.name() + ": " + f));
            }
        }
        return out;
    }
}
