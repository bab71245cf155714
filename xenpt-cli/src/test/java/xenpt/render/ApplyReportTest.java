package xenpt.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import xenpt.apply.ApplyReport;
import xenpt.apply.ApplyValuesTest;
import xenpt.apply.HostResult;
import xenpt.apply.NextStep;
import xenpt.apply.Step;
import xenpt.plan.Change;

class ApplyReportTest {

    static final Change.Pin PIN = new Change.Pin("wintermute", "22eb", "Windows Server 2012 R2", Optional.empty(),
            "6a3a", "its devices are on wintermute");

    static final HostResult FAILED = new HostResult("wintermute", "sim:wintermute", List.of(
            new Step("lock", Step.State.DONE, Optional.empty(), ""),
            new Step("assign wintermute/Windows Server 2012 R2", Step.State.DONE, Optional.of(ApplyValuesTest.ASSIGN), ""),
            new Step("pin wintermute/Windows Server 2012 R2", Step.State.FAILED, Optional.of(PIN),
                    "wintermute: xe vm-param-set failed (exit 1): The uuid you supplied was invalid."),
            new Step("restart-vm wintermute/Windows Server 2012 R2", Step.State.SKIPPED,
                    Optional.of(new Change.RestartVm("wintermute", "22eb", "Windows Server 2012 R2", "x")), ""),
            new Step("unlock", Step.State.DONE, Optional.empty(), "")));
    static final HostResult UNCHANGED = new HostResult("avalon", "10.0.0.2", List.of());

    @Test
    void textShowsEachStepWithBeforeAfterAndTheFailureThenTheSummary() {
        ApplyReport report = new ApplyReport("3f2a", List.of(FAILED, UNCHANGED));
        assertThat(report.failed()).isTrue();
        assertThat(ReportText.render(report)).isEqualTo("""
                wintermute (sim:wintermute): failed
                  done    lock
                  done    assign wintermute/Windows Server 2012 R2: (none) → 0/0000:01:03.0
                  FAILED  pin wintermute/Windows Server 2012 R2: (none) → wintermute (6a3a)
                      wintermute: xe vm-param-set failed (exit 1): The uuid you supplied was invalid.
                  skipped restart-vm wintermute/Windows Server 2012 R2
                  done    unlock

                1 host unchanged: nothing to apply there

                Apply failed on 1 of 2 hosts: 1 change made on 1 host, 1 failed, 1 skipped. Run apply again once the \
                cause is fixed; it continues from where the host is now.
                """);
    }

    @Test
    void controlCharactersInVmNamesAndHostMessagesAreEscaped() {
        String evil = "evil\u001b[2J\u0007\u009b31m";
        HostResult h = new HostResult("wintermute", "sim:wintermute", List.of(
                new Step("restart-vm wintermute/" + evil, Step.State.FAILED,
                        Optional.of(new Change.RestartVm("wintermute", "22eb", evil, "x")),
                        "wintermute: xe vm-shutdown failed (exit 1): " + evil)));
        String text = ReportText.render(new ApplyReport("1", List.of(h)));
        assertThat(text).contains("restart-vm wintermute/evil\\x1b[2J\\x07\\x9b31m")
                .contains("failed (exit 1): evil\\x1b[2J");
        assertThat(text.chars().filter(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c < 0xa0))).toArray()).isEmpty();
    }

    @Test
    void summaryOfASuccessCountsChangesAndHosts() {
        HostResult ok = new HostResult("a", "a", List.of(
                new Step("pin a/x", Step.State.DONE, Optional.of(PIN), ""),
                new Step("journal", Step.State.DONE, Optional.empty(), "")));
        ApplyReport report = new ApplyReport("1", List.of(ok, UNCHANGED));
        assertThat(report.failed()).isFalse();
        assertThat(ReportText.summary(report)).isEqualTo("Apply complete: 1 change made on 1 host.");
        assertThat(ok.result()).isEqualTo("applied");
        assertThat(UNCHANGED.result()).isEqualTo("unchanged");
    }

    @Test
    void aFailureOutsideAnyChangeCountsNoZeroes() {
        HostResult lockFailed = new HostResult("a", "a", List.of(
                new Step("lock", Step.State.FAILED, Optional.empty(), "a: locked by another apply")));
        String summary = ReportText.summary(new ApplyReport("1", List.of(lockFailed)));
        assertThat(summary).startsWith("Apply failed on 1 of 1 host: no change made. Run apply again")
                .doesNotContain("0 failed", "0 skipped", "0 changes", "0 hosts");
        HostResult skipped = new HostResult("b", "b", List.of(
                new Step("lock", Step.State.FAILED, Optional.empty(), "b: locked"),
                new Step("pin b/x", Step.State.SKIPPED, Optional.of(PIN), "")));
        assertThat(ReportText.summary(new ApplyReport("1", List.of(skipped, UNCHANGED))))
                .startsWith("Apply failed on 1 of 2 hosts: no change made, 1 skipped. Run apply again");
    }

    @Test
    void jsonCarriesResultsStepsAndCounts() {
        JSONObject j = new JSONObject(ReportJson.write(new ApplyReport("3f2a", List.of(FAILED, UNCHANGED))));
        assertThat(j.getBoolean("failed")).isTrue();
        JSONObject host = j.getJSONArray("hosts").getJSONObject(1);
        assertThat(host.getString("result")).isEqualTo("failed");
        assertThat(host.getString("error")).startsWith("wintermute: xe vm-param-set failed");
        JSONObject pin = host.getJSONArray("steps").getJSONObject(2);
        assertThat(pin.getString("state")).isEqualTo("failed");
        assertThat(pin.getString("kind")).isEqualTo("pin");
        assertThat(pin.getString("after")).isEqualTo("6a3a");
        assertThat(pin.isNull("before")).isTrue();
        assertThat(j.getJSONArray("hosts").getJSONObject(0).isNull("error")).isTrue();
        JSONObject sum = j.getJSONObject("summary");
        assertThat(List.of(sum.getInt("hosts"), sum.getInt("hosts_failed"), sum.getInt("changes_done"),
                sum.getInt("changes_failed"), sum.getInt("changes_skipped"))).containsExactly(2, 1, 1, 1, 1);
    }
}
