package xenpt.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xenpt.apply.ApplyReport;
import xenpt.apply.HostResult;
import xenpt.plan.DriftReport;
import xenpt.plan.Plan;

/** {@link Views} picks each document's view from the output format, and only there. */
class ViewsTest {

    static final Views TEXT = new Views(Format.text, false);
    static final Views JSON = new Views(Format.json, false);
    static final Views MARKDOWN = new Views(Format.markdown, false);

    @Test
    void eachFormatGivesItsViewOfAPlanAndOfDrift() {
        Plan plan = RenderGoldenTest.walkthroughPlan();
        DriftReport drift = RenderGoldenTest.drift();
        assertThat(TEXT.plan(plan)).isEqualTo(PlanText.render(plan, false));
        assertThat(JSON.plan(plan)).isEqualTo(PlanJson.write(plan));
        assertThat(MARKDOWN.plan(plan)).isEqualTo(PlanMarkdown.render(plan));
        assertThat(TEXT.drift(drift, Map.of())).isEqualTo(DriftText.render(drift, false, Map.of()));
        assertThat(JSON.drift(drift, Map.of())).isEqualTo(DriftJson.write(drift, Map.of()));
        assertThat(MARKDOWN.drift(drift, Map.of())).isEqualTo(DriftMarkdown.render(drift, Map.of()));
        assertThat(Views.driftReport(drift, Map.of())).as("the report file is JSON whatever -o says")
                .isEqualTo(DriftJson.write(drift, Map.of()));
    }

    @Test
    void underJsonTheApplyShowsItsPlanAsTextSoStdoutHoldsOnlyTheReport() {
        Plan plan = RenderGoldenTest.successfulPlan();
        assertThat(JSON.json()).isTrue();
        assertThat(JSON.planBeforeApply(plan)).isEqualTo(PlanText.render(plan, false));
        assertThat(MARKDOWN.planBeforeApply(plan)).isEqualTo(PlanMarkdown.render(plan));
    }

    @Test
    void refusalsAndEmptyAppliesPrintADocumentOnlyUnderJson() {
        ApplyReport none = new ApplyReport("p1", List.of(new HostResult("wintermute", "sim:wintermute", List.of())));
        assertThat(TEXT.refused("stale")).isEmpty();
        assertThat(JSON.refused("stale")).contains(ReportJson.refused("stale", Optional.empty()));
        assertThat(TEXT.noChanges(none)).isEmpty();
        assertThat(JSON.noChanges(none)).contains(ReportJson.noChanges(none));
        assertThat(TEXT.applied(none)).isEqualTo(ReportText.render(none));
        assertThat(JSON.applied(none)).isEqualTo(ReportJson.write(none));
    }
}
