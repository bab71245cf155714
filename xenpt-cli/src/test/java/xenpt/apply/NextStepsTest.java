package xenpt.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xenpt.desired.DesiredState;
import xenpt.desired.HostSpec;
import xenpt.desired.Policy.Mode;
import xenpt.desired.SshSettings;
import xenpt.plan.Change;
import xenpt.plan.Fixtures;
import xenpt.plan.Plan;
import xenpt.plan.PlanOptions;
import xenpt.plan.Planner;
import xenpt.plan.Walkthrough;
import xenpt.render.ReportText;

/** What is left to do by hand after an apply, from the plan, what was done, and the policies. */
class NextStepsTest {

    static final String START = "xe vm-start uuid=" + Walkthrough.WINDOWS + " on=" + Walkthrough.WINTERMUTE;

    static Plan plan(DesiredState desired, Fixtures.ObsB observed) {
        return Planner.plan(desired, List.of(observed.reached()), PlanOptions.ALL);
    }

    /** Every change of the plan carried out (or the first one failed). */
    static ApplyReport report(Plan plan, boolean failFirst) {
        var h = plan.hosts().get(0);
        List<Step> steps = new java.util.ArrayList<>();
        for (Change c : h.changes()) {
            boolean fail = failFirst && steps.isEmpty();
            steps.add(new Step(c.kind().word(), fail ? Step.State.FAILED : Step.State.DONE, Optional.of(c), fail ? "x" : ""));
        }
        return new ApplyReport(plan.planId(), List.of(new HostResult(h.name(), h.address(), steps)));
    }

    static DesiredState withSsh(DesiredState d, SshSettings ssh) {
        HostSpec s = d.hosts().get(0);
        return new DesiredState(List.of(new HostSpec(s.name(), s.address(), ssh, s.method(), s.policy(), s.hide(), s.vms(),
                s.location())), d.digest(), d.commit());
    }

    @Test
    void manualPoliciesLeaveARebootAndThenAStartOfTheRunningVmWhoseDevicesChanged() {
        DesiredState desired = Fixtures.desired(Walkthrough.wintermuteDesired());
        Plan plan = plan(desired, Walkthrough.wintermute());
        List<NextStep> steps = NextSteps.of(plan, report(plan, false), desired);
        assertThat(steps).extracting(NextStep::kind).containsExactly(NextStep.Kind.REBOOT, NextStep.Kind.RESTART_VM);
        assertThat(steps.get(0).commands()).containsExactly("reboot");
        assertThat(steps.get(0).ssh()).containsExactly("ssh root@192.0.2.10 reboot");
        assertThat(steps.get(1).vmUuid()).contains(Walkthrough.WINDOWS);
        assertThat(steps.get(1).commands()).as("the reboot halts the VM: only the start is left").containsExactly(START);
        assertThat(steps.get(1).ssh()).containsExactly("ssh root@192.0.2.10 '" + START + "'");
    }

    @Test
    void withoutAHideChangeTheVmIsHaltedAndStarted() {
        DesiredState desired = Fixtures.desired(Walkthrough.wintermuteDesired());
        Plan plan = plan(desired, Walkthrough.wintermute().hidden("(0000:01:03.0)(0000:0e:00.0)"));
        List<NextStep> steps = NextSteps.of(plan, report(plan, false), desired);
        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).commands()).containsExactly("xe vm-shutdown uuid=" + Walkthrough.WINDOWS, START);
    }

    @Test
    void autoPoliciesLeaveNothingAndAFailedHostGetsNoStep() {
        DesiredState auto = Fixtures.desired(Walkthrough.wintermuteDesired().policy(Mode.AUTO, Mode.AUTO, false));
        Plan plan = plan(auto, Walkthrough.wintermute());
        assertThat(NextSteps.of(plan, report(plan, false), auto)).isEmpty();

        DesiredState manual = Fixtures.desired(Walkthrough.wintermuteDesired());
        Plan failing = plan(manual, Walkthrough.wintermute());
        assertThat(NextSteps.of(failing, report(failing, true), manual)).as("apply again, not a next step").isEmpty();
    }

    @Test
    void aRebootPendingFromBeforeIsStillANextStep() {
        DesiredState desired = Fixtures.desired(Fixtures.host("wintermute").address("192.0.2.10").hide("0e:00.0"));
        Plan plan = plan(desired, Walkthrough.wintermute().bootHide("(0000:0e:00.0)"));
        assertThat(plan.hasChanges()).isFalse();
        assertThat(NextSteps.of(plan, report(plan, false), desired)).extracting(NextStep::kind)
                .containsExactly(NextStep.Kind.REBOOT);
    }

    @Test
    void sshLinesCarryPortIdentityAndKnownHostsQuotedForTheShell() {
        DesiredState desired = withSsh(Fixtures.desired(Walkthrough.wintermuteDesired()),
                new SshSettings("admin", 2222, "~/keys/my key", "/etc/xenpt/known hosts", null, null));
        Plan plan = plan(desired, Walkthrough.wintermute());
        NextStep reboot = NextSteps.of(plan, report(plan, false), desired).get(0);
        assertThat(reboot.ssh()).containsExactly(
                "ssh -p 2222 -i ~/'keys/my key' -o 'UserKnownHostsFile=/etc/xenpt/known hosts' admin@192.0.2.10 reboot");
        assertThat(NextSteps.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void textListsTheNextStepsAfterTheSummary() {
        DesiredState desired = Fixtures.desired(Walkthrough.wintermuteDesired());
        Plan plan = plan(desired, Walkthrough.wintermute());
        ApplyReport done = report(plan, false);
        ApplyReport report = done.with(List.of(), NextSteps.of(plan, done, desired));
        assertThat(ReportText.render(report)).endsWith("""
                Apply complete: 3 changes made on 1 host.

                Next steps: the changes take effect only after these (xenpt's policy kept it from doing them):
                  wintermute: reboot wintermute so that its boot hide list takes effect (reboot: manual); the reboot halts its VMs
                      ssh root@192.0.2.10 reboot
                  wintermute: after the reboot, start VM 'Windows Server 2012 R2' (halted by the reboot) so that it runs with its new devices (vmRestart: manual)
                      ssh root@192.0.2.10 '%s'
                """.formatted(START));
    }
}
