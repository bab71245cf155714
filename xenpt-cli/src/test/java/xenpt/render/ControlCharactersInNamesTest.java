package xenpt.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xenpt.observed.PowerState;
import xenpt.plan.Drift;
import xenpt.plan.DriftReport;
import xenpt.plan.Fixtures;
import xenpt.plan.Plan;
import xenpt.plan.PlanOptions;
import xenpt.plan.Planner;
import xenpt.plan.Walkthrough;

/**
 * A VM whose name-label holds terminal escape sequences (ESC clear-screen, an OSC title ended by BEL, a C1 CSI) is
 * shown escaped by every view of plan and drift, text, Markdown and JSON alike: whoever can rename a VM cannot rewrite
 * the terminal or the CI log of whoever runs xenpt.
 */
class ControlCharactersInNamesTest {

    static final String EVIL = "evil\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202e";

    private static Plan plan() {
        var desired = Fixtures.desired(Fixtures.host("wintermute").address("192.0.2.10").hide("0000:0e:00.0")
                .hidePinned("01:03.0", "1002:515e").vmWithUuid(EVIL, Walkthrough.WINDOWS, "01:03.0"));
        var observed = Fixtures.observed("wintermute", Walkthrough.WINTERMUTE).address("192.0.2.10")
                .device("0000:00:1f.2", "8086:2922", "0106", "SATA controller", "Intel", "ICH9R SATA", "ahci")
                .device("0000:01:03.0", "1002:515e", "0300", "VGA compatible controller", "AMD/ATI", "ES1000", "radeon")
                .nic("0000:0d:00.0", "e1000e").nic("0000:0e:00.0", "e1000e")
                .management("0000:0d:00.0").rootDisk("0000:00:1f.2")
                .vmHere(Walkthrough.WINDOWS, EVIL, PowerState.RUNNING, false, null);
        return Planner.plan(desired, List.of(observed.reached()), new PlanOptions(List.of(), Optional.of("p-1")));
    }

    private static DriftReport drift() {
        var desired = Fixtures.desired(Fixtures.host("wintermute").address("192.0.2.10").hide("0000:0e:00.0")
                .hidePinned("01:03.0", "1002:515e"));
        var observed = Fixtures.observed("wintermute", Walkthrough.WINTERMUTE).address("192.0.2.10")
                .device("0000:00:1f.2", "8086:2922", "0106", "SATA controller", "Intel", "ICH9R SATA", "ahci")
                .device("0000:01:03.0", "1002:515e", "0300", "VGA compatible controller", "AMD/ATI", "ES1000", "pciback")
                .nic("0000:0d:00.0", "e1000e").nic("0000:0e:00.0", "pciback")
                .management("0000:0d:00.0").rootDisk("0000:00:1f.2")
                .hidden("(0e:00.0)(01:03.0)")
                .vm(Walkthrough.WINDOWS, EVIL, PowerState.RUNNING, Walkthrough.WINTERMUTE, Walkthrough.WINTERMUTE,
                        "0/0000:01:03.0");
        return Drift.classify(desired, List.of(observed.reached()));
    }

    @Test
    void planViewsEscapeControlCharactersInVmNames() {
        Plan plan = plan();
        assertEscaped("plan text", PlanText.render(plan, false));
        assertEscaped("plan text in colour", PlanText.render(plan, true).replaceAll("\u001b\\[[0-9;]*m", ""));
        assertMarkdownEscaped("plan markdown", PlanMarkdown.render(plan));
        assertJsonEscaped("plan json", PlanJson.write(plan));
    }

    @Test
    void driftViewsEscapeControlCharactersInVmNames() {
        DriftReport drift = drift();
        assertEscaped("drift text", DriftText.render(drift, false));
        assertMarkdownEscaped("drift markdown", DriftMarkdown.render(drift, Map.of()));
        assertJsonEscaped("drift json", DriftJson.write(drift));
    }

    private static void assertEscaped(String view, String out) {
        assertThat(out).as(view).contains("evil\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\u202e");
        assertNoRawControl(view, out);
    }

    /** Markdown also escapes its own punctuation ([ and ]) with a backslash. */
    private static void assertMarkdownEscaped(String view, String out) {
        assertThat(out).as(view).contains("evil\\x1b\\[2J\\x1b\\]0;pwned\\x07\\x9b31m\\u202e");
        assertNoRawControl(view, out);
    }

    private static void assertJsonEscaped(String view, String out) {
        assertThat(out).as(view).contains("evil\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m\\u202e");
        assertNoRawControl(view, out);
    }

    private static void assertNoRawControl(String view, String out) {
        assertThat(out.chars().filter(c -> c != '\n' && (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
                || c == 0x202e)).toArray()).as("raw control characters in the %s", view).isEmpty();
    }
}
