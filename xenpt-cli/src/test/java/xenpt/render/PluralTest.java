package xenpt.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import xenpt.plan.Change;
import xenpt.plan.DriftReport;
import xenpt.plan.Plan;

/** Every count sentence of the views says "1 change", "1 host", "1 error", never "1 changes" or "1 hosts". */
class PluralTest {

    @Test
    void oneIsSingularEverythingElsePlural() {
        assertThat(Plural.of(1, "change")).isEqualTo("1 change");
        assertThat(Plural.of(0, "change")).isEqualTo("0 changes");
        assertThat(Plural.of(3, "change")).isEqualTo("3 changes");
        assertThat(Plural.of(1, "host needs", "hosts need")).isEqualTo("1 host needs");
        assertThat(Plural.of(2, "host needs", "hosts need")).isEqualTo("2 hosts need");
    }

    @Test
    void aPlanOfOneChangeOnOneHostIsSingularThroughout() {
        Change hide = new Change.Hide("a", Optional.empty(), Set.of(), Set.of(xenpt.desired.PciAddress.parse("01:00.0")),
                "hide 0000:01:00.0");
        Plan plan = new Plan(List.of(FleetFixture.host("a", List.of(hide))), "p", "d", Optional.empty());
        assertThat(PlanText.render(plan, false)).endsWith("\nPlan: 1 change on 1 host; 1 needs a reboot.\n");
        assertThat(PlanMarkdown.render(plan)).contains("**Plan: 1 change on 1 host; 1 needs a reboot.**",
                "> ⚠️ **1 host needs a reboot** before");
    }

    @Test
    void failuresAndDriftCountInTheSingular() {
        Plan failed = FailedPlanRenderTest.unreachableOnly();
        assertThat(PlanText.failure(failed)).isEqualTo("The plan failed: 1 host unreachable; nothing will be applied.");
        DriftReport one = new DriftReport(List.of(new DriftReport.HostDrift("a", "a", List.of(
                new DriftReport.Item(DriftReport.Category.BOOT_CONFIG, "a", "the boot hide list is absent")))), "d",
                Optional.empty());
        assertThat(DriftText.summary(one)).isEqualTo("Drift: 1 difference on 1 host (boot-config 1).");
        DriftReport none = new DriftReport(List.of(new DriftReport.HostDrift("a", "a", List.of())), "d", Optional.empty());
        assertThat(DriftText.summary(none)).isEqualTo("No drift. 1 host matches the desired state.");
    }
}
