package xenpt.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GitHub turns {@code > [!WARNING]} into a titled alert; GitLab, Gitea and plain CommonMark show it as a quote whose
 * first line is the literal {@code [!WARNING]}. The line after it must then say on its own what the alert is about.
 */
class AlertFallbackTest {

    @Test
    void theLineAfterEachAlertMarkerCarriesItsMeaningWithoutGithubAlerts() {
        for (String md : List.of(PlanMarkdown.render(RenderGoldenTest.walkthroughPlan()),
                PlanMarkdown.render(FleetRenderTest.FLEET))) {
            List<String> lines = md.lines().toList();
            int warning = lines.indexOf("> [!WARNING]");
            assertThat(warning).as(md).isNotNegative();
            assertThat(lines.get(warning + 1)).startsWith("> ⚠️ **").contains("need", "reboot", "before");
        }
        List<String> failed = PlanMarkdown.render(FailedPlanRenderTest.unreachableOnly()).lines().toList();
        assertThat(failed.get(failed.indexOf("> [!CAUTION]") + 1)).startsWith("> ⛔ **The plan failed:");
    }

    @Test
    void longSectionsAreCollapsedWithTheBlankLineGithubNeedsAfterTheSummary() {
        String md = PlanMarkdown.render(FleetRenderTest.FLEET, true);
        assertThat(md).contains("</summary>\n\n- h001");
        assertThat(md.split("<details", -1).length).isEqualTo(md.split("</details>", -1).length);
        assertThat(md).doesNotContain("</summary>\n-", "</summary>\n|");
    }
}
