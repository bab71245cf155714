package xenpt.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import xenpt.plan.Fixtures;
import xenpt.plan.Plan;
import xenpt.plan.PlanOptions;
import xenpt.plan.Planner;

/** A failed plan never opens with "No changes planned.": its failure comes first, in text and in Markdown. */
class FailedPlanRenderTest {

    static Plan unreachableOnly() {
        return Planner.plan(Fixtures.desired(Fixtures.host("wintermute").hide("0e:00.0")),
                List.of(Fixtures.unreachable("wintermute", "192.0.2.10", "connection refused")), PlanOptions.ALL);
    }

    @Test
    void textOfAFailedPlanWithoutChangesStatesTheFailureAndNeverNoChanges() {
        String text = PlanText.render(unreachableOnly(), false);
        assertThat(text).doesNotContain("No changes")
                .endsWith("\nThe plan failed: 1 host unreachable; nothing will be applied.\n");
    }

    @Test
    void markdownOfAFailedPlanOpensWithTheFailure() {
        String md = PlanMarkdown.render(unreachableOnly());
        assertThat(md).doesNotContain("No changes")
                .startsWith("### xenpt plan\n\n> [!CAUTION]\n> ⛔ **The plan failed: 1 host unreachable; nothing will be applied.**\n\n");
    }

    @Test
    void markdownOfAFailedPlanWithChangesPutsTheFailureBeforeTheSummary() {
        String md = PlanMarkdown.render(RenderGoldenTest.walkthroughPlan());
        assertThat(md.indexOf("The plan failed")).isPositive().isLessThan(md.indexOf("**Plan: 3 changes"));
        String text = PlanText.render(RenderGoldenTest.walkthroughPlan(), false);
        assertThat(text.indexOf("The plan failed")).isPositive().isLessThan(text.indexOf("Plan: 3 changes"));
    }
}
