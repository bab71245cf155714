package xenpt.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import xenpt.desired.Policy.Mode;
import xenpt.observed.PowerState;
import xenpt.plan.Fixtures;
import xenpt.plan.Plan;
import xenpt.plan.PlanOptions;
import xenpt.plan.Planner;
import xenpt.plan.Walkthrough;

class PlanJsonTest {

    @Test
    void walkthroughPlanRoundTripsToAnEqualPlan() {
        Plan plan = RenderGoldenTest.walkthroughPlan();
        Plan back = PlanJson.read(PlanJson.write(plan));
        assertThat(back).isEqualTo(plan);
        assertThat(PlanJson.write(back)).isEqualTo(PlanJson.write(plan));
    }

    @Test
    void everyChangeKindRoundTrips() {
        var desired = Fixtures.desired(Fixtures.host("gpu1").policy(Mode.AUTO, Mode.AUTO, true)
                .hide("01:00.0", "01:00.1").vmWithUuid("render", "u-render", "01:00.0", "01:00.1"));
        var observed = Fixtures.observed("gpu1", "h-uuid")
                .device("0000:01:00.0", "10de:1b81", "0300", "VGA compatible controller", "NVIDIA", "GP104", "nouveau")
                .device("0000:01:00.1", "10de:10f0", "0403", "Audio device", "NVIDIA", "GP104 Audio", null)
                .hidden("(0000:01:00.0)(bad")
                .vm("u-render", "render", PowerState.RUNNING, "other-host", "h-uuid", null)
                .vm("u-old", "old", PowerState.PAUSED, "h-uuid", "h-uuid", "0/0000:01:00.1");
        Plan plan = Planner.plan(desired, List.of(observed.reached()), new PlanOptions(List.of(), Optional.empty()));
        assertThat(plan.hosts().get(0).changes()).extracting(c -> c.kind().word())
                .containsExactly("hide", "assign", "assign", "pin", "reboot", "restart-vm", "restart-vm");
        assertThat(PlanJson.read(PlanJson.write(plan))).isEqualTo(plan);
    }

    @Test
    void jsonHasTheDocumentedShapeAndNoSecrets() {
        JSONObject o = new JSONObject(PlanJson.write(RenderGoldenTest.walkthroughPlan()));
        assertThat(o.getString("format_version")).isEqualTo("1");
        JSONObject wintermute = o.getJSONArray("hosts").getJSONObject(2);
        assertThat(wintermute.getString("name")).isEqualTo("wintermute");
        JSONObject assign = wintermute.getJSONArray("changes").getJSONObject(1);
        assertThat(assign.getString("kind")).isEqualTo("assign");
        assertThat(assign.isNull("before")).isTrue();
        assertThat(assign.getString("after")).isEqualTo("0/0000:01:03.0");
        assertThat(assign.getJSONArray("needs").toList()).containsExactly("vm-restart");
        assertThat(o.getJSONObject("summary").getInt("vm_restarts")).isEqualTo(1);
        assertThat(o.toString()).doesNotContainIgnoringCase("password").doesNotContain("identityFile");
    }

    @Test
    void unknownFormatVersionIsRefused() {
        assertThatThrownBy(() -> PlanJson.read("{\"format_version\": \"2\", \"hosts\": []}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format_version '2'");
        assertThatThrownBy(() -> PlanJson.read("not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a saved xenpt plan");
    }

    @Test
    void derivedPlanIdIsStableForEqualInputs() {
        Plan a = Planner.plan(Walkthrough.desired(), Walkthrough.observed(), PlanOptions.ALL);
        Plan b = Planner.plan(Walkthrough.desired(), Walkthrough.observed(), PlanOptions.ALL);
        assertThat(a.planId()).hasSize(16).isEqualTo(b.planId());
        Plan c = Planner.plan(Walkthrough.wintermuteOnly(), Walkthrough.observed(), PlanOptions.ALL);
        assertThat(c.planId()).isNotEqualTo(a.planId());
    }

    @Test
    void markdownCellsCannotBreakTheTable() {
        assertThat(Markdown.cell("a|b<script>\nc")).isEqualTo("a\\|b&lt;script&gt; c");
    }
}
