package xenpt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static xenpt.plan.Fixtures.host;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import xenpt.desired.HostSpec;
import xenpt.desired.PciAddress;
import xenpt.diag.Diagnostic;

/**
 * The sub-planners return what they found as values, and an order dependency is a parameter: the assignment check
 * takes the hide check's result, so a device missing from lspci that both name is reported once.
 */
class SubPlannerValuesTest {

    private static final PciAddress MISSING = PciAddress.parse("0000:05:00.0");

    private static HostContext context() {
        HostSpec spec = Fixtures.desired(host("wintermute").hide("05:00.0").vm("XOA 4.15 Free", "05:00.0")).hosts().get(0);
        return new HostContext(spec, Walkthrough.wintermute().build());
    }

    private static List<String> messages(Findings f) {
        return f.diagnostics().stream().map(Diagnostic::message).toList();
    }

    @Test
    void theHideCheckReturnsItsFindingsAndTheDevicesItReported() {
        HidePlanner.Result hide = HidePlanner.plan(context());
        assertThat(hide.reported()).containsExactly(MISSING);
        assertThat(messages(hide.found())).containsExactly("0000:05:00.0 is not on wintermute (lspci does not list it)");
        assertThat(hide.found().changes()).singleElement().isInstanceOf(Change.Hide.class);
    }

    @Test
    void theAssignmentCheckDoesNotReportAgainWhatTheHideCheckReported() {
        HostContext ctx = context();
        var managed = VmResolver.resolve(ctx.spec, ctx.host).managed();
        Findings afterHide = AssignmentPlanner.plan(ctx, managed, HidePlanner.plan(ctx));
        Findings alone = AssignmentPlanner.plan(ctx, managed, new HidePlanner.Result(Findings.NONE, Set.of()));
        assertThat(messages(afterHide)).noneMatch(m -> m.contains("is not on"));
        assertThat(messages(alone)).contains("0000:05:00.0 is not on wintermute (lspci does not list it)");
    }

    @Test
    void findingsAddUpInTheOrderGiven() {
        Change reboot = new Change.Reboot("h", "r");
        Findings a = Findings.diagnostics(List.of(Diagnostic.warning(null, "first", null)));
        Findings b = new Findings(List.of(reboot), List.of(new Status(Status.Kind.PENDING_REBOOT, "p")),
                List.of(Diagnostic.error(null, "second", null)));
        Findings sum = a.plus(b);
        assertThat(messages(sum)).containsExactly("first", "second");
        assertThat(sum.changes()).containsExactly(reboot);
        assertThat(sum.failed()).isTrue();
        assertThat(a.failed()).isFalse();
    }
}
