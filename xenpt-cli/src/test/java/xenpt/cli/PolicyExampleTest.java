package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The example plan policy (examples/policy/plan.rego) cannot be run here (no OPA; docs/json.md says why), so this
 * holds what can be held: every key it reads from a plan is a key of the plan schema where it reads it.
 */
class PolicyExampleTest {

    /** A Rego variable of the policy, and the schema object its keys are looked up in. */
    static final Map<String, String> BOUND = Map.of(
            "input", "#",
            "host", "#/definitions/host",
            "change", "#/definitions/change");

    @Test
    void everyPlanKeyThePolicyReadsIsInThePlanSchema() throws Exception {
        String policy = Files.readString(Path.of("examples/policy/plan.rego"));
        JSONObject schema = JsonSchemas.json("plan");
        TreeSet<String> read = new TreeSet<>();
        Matcher m = Pattern.compile("\\b(input|host|change)\\.([a-z_]+)").matcher(policy);
        while (m.find()) {
            read.add(m.group(1) + "." + m.group(2));
            JSONObject at = (JSONObject) schema.query(BOUND.get(m.group(1)));
            assertThat(at.getJSONObject("properties").keySet()).as(m.group()).contains(m.group(2));
        }
        assertThat(read).contains("input.hosts", "host.name", "host.changes", "change.kind", "change.needs");
        assertThat(policy).contains("some host in input.hosts", "some change in host.changes");
    }
}
