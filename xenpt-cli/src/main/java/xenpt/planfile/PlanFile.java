package xenpt.planfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xenpt.desired.HostSpec;
import xenpt.json.Json;
import xenpt.json.JsonException;
import xenpt.json.JsonObject;
import xenpt.plan.Plan;
import xenpt.render.PlanJson;

/**
 * The saved-plan file: the plan's JSON ({@link PlanJson}, which {@code show} reads), a {@code saved_plan} section
 * ({@code version}, {@code sim_dir}, {@code hosts}: what apply needs per host), and a {@code digest} over all of it
 * ({@link Digest}). Reading checks, in this order, that it is JSON, its versions, its digest, then its content, and
 * says which one failed: only a plan that passes all is a plan at all, stale or not.
 */
public final class PlanFile {

    /** The version of the {@code saved_plan} section this xenpt writes and reads. */
    public static final String VERSION = "1";

    private PlanFile() {}

    public static String write(SavedPlan saved) {
        Map<String, Object> m = new LinkedHashMap<>(PlanJson.map(saved.plan()));
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("version", VERSION);
        section.put("sim_dir", saved.simDir());
        section.put("hosts", saved.hosts().stream().map(HostJson::write).toList());
        m.put("saved_plan", section);
        m.put(Digest.KEY, Digest.of(JsonObject.parse(Json.write(m))));
        return Json.write(m) + "\n";
    }

    /** @throws PlanFileException saying what is wrong: not JSON, another version, modified, or incomplete */
    public static SavedPlan read(String text) throws PlanFileException {
        JsonObject o;
        try {
            o = JsonObject.parse(text);
        } catch (JsonException e) {
            throw new PlanFileException("not a saved xenpt plan: not a JSON object (" + e.getMessage() + ")", e);
        }
        checkVersions(o);
        String digest = o.optString(Digest.KEY, "");
        if (digest.isEmpty()) throw new PlanFileException("the plan has no digest, so it cannot be told from a modified"
                + " one; it is never applied: make a new plan with 'xenpt plan --out FILE'");
        if (!digest.equals(Digest.of(o))) {
            throw new PlanFileException("the plan was modified after it was saved (its digest does not match its"
                    + " content); a modified plan is never applied: make a new plan with 'xenpt plan --out FILE'");
        }
        try {
            Plan plan = PlanJson.read(text);
            JsonObject section = o.object("saved_plan");
            List<HostSpec> hosts = new ArrayList<>();
            for (JsonObject h : section.objects("hosts")) hosts.add(HostJson.read(h));
            Optional<String> simDir = section.optionalString("sim_dir");
            return new SavedPlan(plan, hosts, simDir);
        } catch (JsonException | IllegalArgumentException | NullPointerException e) {
            throw new PlanFileException("the saved plan is malformed: " + e.getMessage(), e);
        }
    }

    private static void checkVersions(JsonObject o) throws PlanFileException {
        if (!o.has("format_version")) throw new PlanFileException("not a saved xenpt plan: it has no format_version");
        String version = o.asText("format_version");
        if (!PlanJson.FORMAT_VERSION.equals(version)) {
            throw new PlanFileException("the plan has format_version '" + version + "'; this xenpt reads format_version '"
                    + PlanJson.FORMAT_VERSION + "': make the plan again with this xenpt");
        }
        if (!(o.optObject("saved_plan").orElse(null) instanceof JsonObject section)) {
            throw new PlanFileException("not a saved plan: it has no saved_plan section (plan -o json prints a plan to"
                    + " read, not to apply; older xenpt versions saved plans without it): save one with"
                    + " 'xenpt plan --out FILE'");
        }
        String saved = section.asText("version");
        if (!VERSION.equals(saved)) {
            throw new PlanFileException("the saved_plan section has version '" + saved + "'; this xenpt reads version '"
                    + VERSION + "': make the plan again with this xenpt");
        }
    }
}
