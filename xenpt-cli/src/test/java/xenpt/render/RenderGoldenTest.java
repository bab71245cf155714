package xenpt.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xenpt.plan.Drift;
import xenpt.plan.DriftReport;
import xenpt.plan.Plan;
import xenpt.plan.PlanOptions;
import xenpt.plan.Planner;
import xenpt.plan.Walkthrough;

/**
 * Every renderer against golden files, on the walk-through plan: wintermute hides 0e:00.0 and 01:03.0 and gives the
 * ES1000 to the running "Windows Server 2012 R2" (restart needed) and pins it; neuromancer has mistakes; straylight
 * is unreachable.
 */
class RenderGoldenTest {

    static Plan walkthroughPlan() {
        return Planner.plan(Walkthrough.desired(), Walkthrough.observed(),
                new PlanOptions(java.util.List.of(), Optional.of("walkthrough-0001")));
    }

    static Plan successfulPlan() {
        return Planner.plan(Walkthrough.wintermuteOnly(), java.util.List.of(Walkthrough.wintermute().reached()),
                new PlanOptions(java.util.List.of(), Optional.of("walkthrough-0002")));
    }

    static DriftReport drift() {
        return Drift.classify(Walkthrough.desired(), Walkthrough.observed());
    }

    @Test
    void textPlan() throws IOException {
        Golden.check("plan.txt", PlanText.render(walkthroughPlan(), false));
    }

    @Test
    void textPlanOfOneHealthyHost() throws IOException {
        Golden.check("plan-wintermute.txt", PlanText.render(successfulPlan(), false));
    }

    @Test
    void colouredTextPlanHasAnsiOnlyWhenAsked() throws IOException {
        String coloured = PlanText.render(walkthroughPlan(), true);
        assertThat(coloured).contains("\u001b[32m+\u001b[0m");
        assertThat(PlanText.render(walkthroughPlan(), false)).doesNotContain("\u001b[");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(PlanText.render(walkthroughPlan(), false));
    }

    @Test
    void jsonPlan() throws IOException {
        Golden.check("plan.json", PlanJson.write(walkthroughPlan()));
    }

    @Test
    void markdownPlan() throws IOException {
        Golden.check("plan.md", PlanMarkdown.render(walkthroughPlan()));
    }

    @Test
    void markdownPlanOfOneHealthyHost() throws IOException {
        Golden.check("plan-wintermute.md", PlanMarkdown.render(successfulPlan()));
    }

    @Test
    void driftText() throws IOException {
        Golden.check("drift.txt", DriftText.render(drift(), false));
    }

    @Test
    void driftMarkdown() throws IOException {
        Golden.check("drift.md", DriftMarkdown.render(drift(), Map.of("wintermute", Optional.empty())));
    }

    @Test
    void driftJson() throws IOException {
        Golden.check("drift.json", DriftJson.write(drift()));
    }
}
