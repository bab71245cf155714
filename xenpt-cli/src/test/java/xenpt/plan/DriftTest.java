package xenpt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static xenpt.plan.Fixtures.host;
import static xenpt.plan.Walkthrough.WINDOWS;
import static xenpt.plan.Walkthrough.WINTERMUTE;
import static xenpt.plan.Walkthrough.wintermute;

import java.util.List;
import org.junit.jupiter.api.Test;
import xenpt.observed.PowerState;
import xenpt.plan.DriftReport.Category;

class DriftTest {

    private static List<String> items(DriftReport r) {
        return r.hosts().stream().flatMap(h -> h.items().stream())
                .map(i -> i.category().word() + " " + i.subject() + ": " + i.message()).toList();
    }

    @Test
    void convergedHostHasNoDrift() {
        DriftReport r = Drift.classify(Walkthrough.wintermuteOnly(), List.of(Walkthrough.converged().reached()));
        assertThat(r.hasDrift()).isFalse();
        assertThat(items(r)).isEmpty();
    }

    @Test
    void walkthroughHostDriftsInBootConfigAndAssignment() {
        DriftReport r = Drift.classify(Walkthrough.wintermuteOnly(), List.of(wintermute().reached()));
        assertThat(r.hasDrift()).isTrue();
        assertThat(items(r)).containsExactly(
                "boot-config wintermute: the boot hide list is absent; desired '(0000:01:03.0)(0000:0e:00.0)'",
                "assignment vm 'Windows Server 2012 R2': affinity is unset; desired " + WINTERMUTE + " (wintermute)",
                "assignment vm 'Windows Server 2012 R2': other-config:pci is absent; desired '0/0000:01:03.0'");
    }

    @Test
    void runningManagedVmWithoutItsDeviceIsNotAttached() {
        DriftReport r = Drift.classify(Walkthrough.wintermuteOnly(), List.of(Walkthrough.converged().attached(WINDOWS).reached()));
        assertThat(items(r)).containsExactly("not-attached vm 'Windows Server 2012 R2': running VM " + WINDOWS
                + " does not hold 0000:01:03.0 (other-config:pci is read only at VM start: halt and start the VM)");
        assertThat(r.count(Category.NOT_ATTACHED)).isEqualTo(1);
    }

    @Test
    void runningManagedVmHoldingItsDeviceHasNoDrift() {
        DriftReport r = Drift.classify(Walkthrough.wintermuteOnly(),
                List.of(Walkthrough.converged().attached(WINDOWS, "0000:01:03.0").reached()));
        assertThat(items(r)).isEmpty();
    }

    @Test
    void rightBootConfigNotYetBootedIsPendingRebootOnly() {
        DriftReport r = Drift.classify(Fixtures.desired(host("wintermute").hide("0e:00.0")),
                List.of(wintermute().bootHide("(0000:0e:00.0)").reached()));
        assertThat(items(r)).containsExactly(
                "pending-reboot wintermute: the boot hide list '(0000:0e:00.0)' is not the running kernel's (none)");
    }

    @Test
    void unmanagedHardwareAndUnreachableAreClassified() {
        var desired = Fixtures.desired(host("wintermute").hidePinned("01:03.0", "10de:1b81").hide("05:00.0"),
                host("straylight").hide());
        var obs = wintermute().hidden("(0000:01:03.0)(0000:05:00.0)")
                .vm("9a1c3e5f-2b4d-4f60-8e7a-0c1d2e3f4a5b", "db1", PowerState.HALTED, WINTERMUTE, "", "0/0000:01:03.0");
        DriftReport r = Drift.classify(desired, List.of(obs.reached(),
                Fixtures.unreachable("straylight", "192.0.2.12", "connection refused")));
        assertThat(items(r)).containsExactly(
                "unreachable straylight: connection refused",
                "unmanaged vm 'db1': VM 9a1c3e5f-2b4d-4f60-8e7a-0c1d2e3f4a5b holds '0/0000:01:03.0' and is not in the desired state",
                "hardware 0000:01:03.0: 0000:01:03.0 on wintermute is 1002:515e (Advanced Micro Devices, Inc. [AMD/ATI] ES1000), not the pinned 10de:1b81",
                "hardware 0000:05:00.0: 0000:05:00.0 is not on wintermute (lspci does not list it)");
    }

    @Test
    void unknownManagedVmIsAssignmentDrift() {
        DriftReport r = Drift.classify(Fixtures.desired(host("wintermute").vm("gone")), List.of(wintermute().reached()));
        assertThat(items(r)).singleElement().asString().startsWith("assignment wintermute: VM 'gone' does not exist");
    }
}
