package xenpt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static xenpt.plan.Walkthrough.WINDOWS;
import static xenpt.plan.Walkthrough.WINTERMUTE;
import static xenpt.plan.Walkthrough.XOA;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import xenpt.desired.HostSpec;
import xenpt.desired.PciAddress;
import xenpt.observed.ObservedHost;
import xenpt.observed.PowerState;

/**
 * The apply-time safety check on a plan's own changes: a plan the planner made passes it; a plan whose changes were
 * edited to break a rule (as a tampered saved plan, or a --target plan that leaves out a change it needs) does not.
 */
class GuardsTest {

    static final HostSpec SPEC = Fixtures.desired(Walkthrough.wintermuteDesired()).hosts().get(0);
    static final ObservedHost HOST = Walkthrough.wintermute().build();

    private static HostPlan planned() {
        return Planner.plan(Fixtures.desired(Walkthrough.wintermuteDesired()),
                List.of(Walkthrough.wintermute().reached()), PlanOptions.ALL).hosts().get(0);
    }

    /** The planned host plan with its hide change replaced by one that hides {@code after}. */
    private static HostPlan hiding(String... after) {
        Set<PciAddress> devices = new TreeSet<>();
        for (String a : after) devices.add(PciAddress.parse(a));
        List<Change> changes = new ArrayList<>();
        for (Change c : planned().changes()) {
            changes.add(c instanceof Change.Hide h ? new Change.Hide(h.host(), h.before(), h.beforeDevices(), devices, "")
                    : c);
        }
        return with(changes);
    }

    private static HostPlan with(List<Change> changes) {
        HostPlan p = planned();
        return new HostPlan(p.name(), p.address(), changes, p.statuses(), p.diagnostics(), p.fingerprint(), p.facts());
    }

    @Test
    void aPlanThePlannerMadePasses() {
        assertThat(planned().changes()).isNotEmpty();
        assertThat(Guards.check(planned(), SPEC, HOST)).isEmpty();
    }

    @Test
    void hidingTheManagementNicOrTheRootDiskControllerIsRefusedWithThePlannersWords() {
        assertThat(Guards.check(hiding("0e:00.0", "01:03.0", "0d:00.0", "00:1f.2"), SPEC, HOST)).containsExactlyInAnyOrder(
                "0000:0d:00.0 is the management interface's NIC on wintermute; hiding it would cut the host off",
                "0000:00:1f.2 is the controller of the dom0 root disk on wintermute; hiding it would leave dom0 without its disk");
    }

    @Test
    void aDeviceThatIsNotThereOrIsNotThePinnedOneIsRefused() {
        assertThat(Guards.check(hiding("0e:00.0", "01:03.0", "05:00.0"), SPEC, HOST))
                .singleElement().asString().contains("0000:05:00.0 is not on wintermute");
        ObservedHost swapped = Fixtures.observed("wintermute", WINTERMUTE)
                .device("0000:00:1f.2", "8086:2922", "0106", "SATA controller", "Intel Corporation", "ICH9R SATA", "ahci")
                .device("0000:01:03.0", "10de:1b81", "0300", "VGA compatible controller", "NVIDIA Corporation", "GP104", "nouveau")
                .nic("0000:0d:00.0", "e1000e").nic("0000:0e:00.0", "e1000e")
                .management("0000:0d:00.0").rootDisk("0000:00:1f.2")
                .vmHere(WINDOWS, "Windows Server 2012 R2", PowerState.RUNNING, false, null)
                .vmHere(XOA, "XOA 4.15 Free", PowerState.HALTED, false, null).build();
        assertThat(Guards.check(planned(), SPEC, swapped)).anySatisfy(m -> assertThat(m).contains("not the pinned 1002:515e"));
    }

    @Test
    void assigningADeviceThatStaysWithDom0IsRefused() {
        // As a --target HOST/VM plan without the host's hide change would do.
        List<Change> withoutHide = planned().changes().stream().filter(c -> !(c instanceof Change.Hide)).toList();
        assertThat(Guards.check(with(withoutHide), SPEC, HOST)).singleElement().asString()
                .contains("0000:01:03.0 is assigned to VM 'Windows Server 2012 R2' but is not in");
    }

    @Test
    void givingADeviceToASecondVmIsRefused() {
        List<Change> changes = new ArrayList<>(planned().changes());
        changes.add(new Change.Assign("wintermute", XOA, "XOA 4.15 Free", PowerState.HALTED, Optional.empty(),
                Optional.of("0/0000:01:03.0"), ""));
        assertThat(Guards.check(with(changes), SPEC, HOST)).singleElement().asString()
                .contains("0000:01:03.0 is assigned to 2 VMs on wintermute");
    }

    @Test
    void pinningAVmToAnotherHostIsRefused() {
        List<Change> changes = planned().changes().stream()
                .map(c -> c instanceof Change.Pin p ? new Change.Pin(p.host(), p.vmUuid(), p.vmName(), p.before(),
                        "d1e2f3a4-0000-4000-8000-000000000002", "") : c)
                .toList();
        assertThat(changes).anyMatch(c -> c instanceof Change.Pin);
        assertThat(Guards.check(with(changes), SPEC, HOST)).singleElement().asString()
                .contains("would be pinned to d1e2f3a4-0000-4000-8000-000000000002, which is not wintermute (" + WINTERMUTE + ")");
    }

    @Test
    void startingAVmBeforeTheRebootWithDevicesDom0StillDrivesIsRefused() {
        List<Change> changes = new ArrayList<>(planned().changes());
        changes.removeIf(c -> c instanceof Change.Reboot || c instanceof Change.RestartVm);
        Change.Assign assign = changes.stream().filter(c -> c instanceof Change.Assign).map(c -> (Change.Assign) c)
                .findFirst().orElseThrow();
        changes.add(new Change.RestartVm(assign.host(), assign.vmUuid(), assign.vmName(), "edited in"));
        assertThat(Guards.check(with(changes), SPEC, HOST)).singleElement().asString()
                .contains("would be started while dom0 still drives some of 0000:01:03.0", "reboot the host first");

        List<Change> rebootFirst = new ArrayList<>(changes.subList(0, changes.size() - 1));
        rebootFirst.add(new Change.Reboot(assign.host(), "edited in"));
        rebootFirst.add(changes.get(changes.size() - 1));
        assertThat(Guards.check(with(rebootFirst), SPEC, HOST)).isEmpty();
    }
}
