package xenpt.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import xenpt.apply.ApplyReport;
import xenpt.apply.NextStep;
import xenpt.cli.JsonSchemas;
import xenpt.desired.DesiredStateLoader;
import xenpt.desired.IntentDiff;
import xenpt.desired.SourceFile;
import xenpt.desired.Policy.Mode;
import xenpt.observed.PowerState;
import xenpt.plan.Fixtures;
import xenpt.plan.Plan;
import xenpt.plan.PlanOptions;
import xenpt.plan.Planner;
import xenpt.plan.Walkthrough;

/**
 * One representative document per schema, written by xenpt's own writers, is valid; the same document with an
 * unknown key, a missing key or a value outside a closed set is not. (Every document the command tests print is
 * checked as well, by {@link xenpt.cli.JsonContract}.)
 */
class JsonContractTest {

    @Test
    void aPlanWithEveryChangeKindAndASavedPlanFollowThePlanSchema() {
        JsonSchemas.validate("plan", PlanJson.write(RenderGoldenTest.walkthroughPlan()), "walkthrough plan");
        String plan = PlanJson.write(everyChangeKind());
        JsonSchemas.validate("plan", plan, "plan");
        JSONObject o = new JSONObject(plan);
        assertThat(o.getJSONArray("hosts").getJSONObject(0).getJSONArray("facts").getJSONObject(0).keySet())
                .containsExactlyInAnyOrder("host", "vm", "vm_name", "device", "field", "value");
        rejected("plan", plan, d -> d.put("surprise", 1), "extraneous key [surprise]");
        rejected("plan", plan, d -> first(d, "hosts").getJSONArray("changes").getJSONObject(0).put("kind", "wipe"),
                "#/hosts/0/changes/0/kind");
        rejected("plan", plan, d -> first(d, "hosts").getJSONArray("facts").getJSONObject(0).put("field", "boot id"),
                "#/hosts/0/facts/0/field");
        rejected("plan", plan, d -> first(d, "hosts").getJSONArray("changes").getJSONObject(0).remove("before_devices"),
                "required key [before_devices] not found");
    }

    @Test
    void aDriftReportFollowsTheDriftSchemaAndItsCategoriesAreAClosedSet() {
        String drift = DriftJson.write(RenderGoldenTest.drift());
        JsonSchemas.validate("drift-report", drift, "drift");
        assertThat(new JSONObject(drift).getJSONObject("summary").keySet()).contains("boot-config", "unreachable");
        var items = new JSONObject(drift).getJSONArray("hosts").toList().stream()
                .flatMap(h -> ((List<?>) ((java.util.Map<?, ?>) h).get("items")).stream()).map(i -> (java.util.Map<?, ?>) i).toList();
        assertThat(items).as("a VM's drift names the VM by uuid and the field")
                .anySatisfy(i -> assertThat(i.get("vm")).isNotNull().isNotEqualTo(JSONObject.NULL))
                .anySatisfy(i -> assertThat(i.get("field")).isEqualTo("boot-hide-list"));
        rejected("drift-report", drift, d -> d.getJSONObject("summary").put("feelings", 1), "#/summary");
        rejected("drift-report", drift, d -> first(d, "hosts").put("drifted", "yes"), "#/hosts/0/drifted");
    }

    @Test
    void applyReportsOfEveryOutcomeFollowTheApplyReportSchema() {
        NextStep reboot = new NextStep("wintermute", NextStep.Kind.REBOOT, Optional.empty(), Optional.empty(),
                "reboot wintermute", List.of("reboot"), List.of("ssh root@h reboot"));
        ApplyReport report = new ApplyReport("3f2a", List.of(ApplyReportTest.FAILED, ApplyReportTest.UNCHANGED),
                List.of(reboot));
        String failed = ReportJson.write(report);
        JsonSchemas.validate("apply-report", failed, "failed apply");
        JsonSchemas.validate("apply-report", ReportJson.noChanges(new ApplyReport("3f2a", List.of(ApplyReportTest.UNCHANGED))), "no changes");
        JsonSchemas.validate("apply-report", ReportJson.refused("the plan is stale", Optional.of("3f2a")), "refused");
        rejected("apply-report", failed, d -> d.put("outcome", "partly"), "#/outcome");
        rejected("apply-report", failed, d -> d.put("reason", "why not"), "#/reason");
        rejected("apply-report", ReportJson.refused("stale", Optional.empty()), d -> d.put("reason", JSONObject.NULL), "#/reason");
        rejected("apply-report", failed, d -> d.getJSONArray("hosts").getJSONObject(1).getJSONArray("steps")
                .getJSONObject(1).remove("target"), "#/hosts/1/steps/1");
    }

    @Test
    void anInspectedHostFollowsTheInspectSchema() {
        String inspect = InspectView.json(Walkthrough.wintermute().build());
        JsonSchemas.validate("inspect", inspect, "inspect");
        rejected("inspect", inspect, d -> first(d, "vms").put("power_state", "on"), "#/vms/0/power_state");
        rejected("inspect", inspect, d -> d.getJSONObject("boot").remove("hide"), "required key [hide] not found");
    }

    @Test
    void validateAndReviewDocumentsFollowTheirSchemasAndReviewEmbedsThePlanSchema() {
        var bad = DesiredStateLoader.load(List.of(new SourceFile("f.yaml",
                "version: 1\nhosts: {h: {address: sim:h, hide: [zz]}}\n".getBytes(StandardCharsets.UTF_8))));
        String validation = new Views(Format.json, false).validation(bad).orElseThrow();
        JsonSchemas.validate("validate", validation, "validate");
        assertThat(new JSONObject(validation).getBoolean("valid")).isFalse();
        var intent = IntentDiff.between(ReviewMarkdownTest.fleet(2, false), ReviewMarkdownTest.fleet(2, true));
        String review = ReviewView.json(new ReviewView.Refs("main", "HEAD"), intent,
                Optional.of(new xenpt.plan.BaseAndHead(RenderGoldenTest.walkthroughPlan(), RenderGoldenTest.walkthroughPlan())));
        JsonSchemas.validate("review", review, "review");
        assertThat(new JSONObject(review).getJSONObject("intent").getJSONArray("changes").getJSONObject(0)
                .getJSONArray("needs").toList()).containsExactly("reboot");
        JsonSchemas.validate("review", ReviewView.json(new ReviewView.Refs("a", "b"), intent, Optional.empty()), "offline review");
        rejected("review", review, d -> d.getJSONObject("plan").put("failed", "no"), "#/plan");
    }

    @Test
    void onlyOneDocumentIsADocument() {
        String inspect = InspectView.json(Walkthrough.wintermute().build());
        assertThatThrownBy(() -> JsonSchemas.validate("inspect", inspect + "\n" + inspect, "twice"))
                .hasMessageContaining("more than one JSON document");
    }

    /** The plan of {@link PlanJsonTest}'s host with one change of every kind. */
    static Plan everyChangeKind() {
        var desired = Fixtures.desired(Fixtures.host("gpu1").policy(Mode.AUTO, Mode.AUTO, true)
                .hide("01:00.0", "01:00.1").vmWithUuid("render", "u-render", "01:00.0", "01:00.1"));
        var observed = Fixtures.observed("gpu1", "h-uuid")
                .device("0000:01:00.0", "10de:1b81", "0300", "VGA compatible controller", "NVIDIA", "GP104", "nouveau")
                .device("0000:01:00.1", "10de:10f0", "0403", "Audio device", "NVIDIA", "GP104 Audio", null)
                .hidden("(0000:01:00.0)(bad")
                .vm("u-render", "render", PowerState.RUNNING, "other-host", "h-uuid", null)
                .vm("u-old", "old", PowerState.PAUSED, "h-uuid", "h-uuid", "0/0000:01:00.1");
        return Planner.plan(desired, List.of(observed.reached()), new PlanOptions(List.of(), Optional.empty()));
    }

    private static JSONObject first(JSONObject d, String key) {
        return d.getJSONArray(key).getJSONObject(0);
    }

    private interface Edit {
        void apply(JSONObject document);
    }

    /** The document, edited, is refused by the schema with a message naming {@code where}. */
    private static void rejected(String schema, String document, Edit edit, String where) {
        JSONObject d = new JSONObject(document);
        edit.apply(d);
        assertThatThrownBy(() -> JsonSchemas.validate(schema, d.toString(2), "edited"))
                .isInstanceOf(AssertionError.class).hasMessageContaining(where);
    }

}
