package xenpt.plan;

import static xenpt.plan.Fixtures.host;
import static xenpt.plan.PlannerTableTest.ASSIGN_ES1000;
import static xenpt.plan.PlannerTableTest.HIDE_BOTH;
import static xenpt.plan.PlannerTableTest.PIN_WINDOWS;
import static xenpt.plan.PlannerTableTest.when;
import static xenpt.plan.Walkthrough.WINDOWS;
import static xenpt.plan.Walkthrough.WINTERMUTE;
import static xenpt.plan.Walkthrough.XOA;
import static xenpt.plan.Walkthrough.wintermute;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xenpt.desired.Policy.Mode;
import xenpt.observed.PowerState;

/**
 * {@code --target} keeps every guard (PlannerTableTest's table format): a VM target pulls in the hide change its
 * devices need, a part that would leave a device unhidden or held twice is refused, and errors anywhere on the host
 * fail a targeted plan too.
 */
class TargetTableTest {

    static final String ASSIGN_XOA_RELEASE_0E = "assign wintermute/XOA 4.15 Free: 0/0000:0e:00.0 -> -";

    /** wintermute's hardware with both VMs pinned to it; {@code xoaPci} is what XOA (halted) holds. */
    static Fixtures.ObsB wintermuteWith(String hidden, String xoaPci) {
        return Fixtures.observed("wintermute", WINTERMUTE).address("192.0.2.10")
                .device("0000:00:1f.2", "8086:2922", "0106", "SATA controller", "Intel Corporation", "ICH9R SATA", "ahci")
                .device("0000:01:03.0", "1002:515e", "0300", "VGA compatible controller", "AMD/ATI", "ES1000", "radeon")
                .nic("0000:0d:00.0", "e1000e").nic("0000:0e:00.0", "e1000e")
                .management("0000:0d:00.0").rootDisk("0000:00:1f.2")
                .hidden(hidden)
                .vm(WINDOWS, "Windows Server 2012 R2", PowerState.RUNNING, WINTERMUTE, WINTERMUTE, null)
                .vm(XOA, "XOA 4.15 Free", PowerState.HALTED, WINTERMUTE, "", xoaPci);
    }

    static List<PlannerTableTest.Case> cases() {
        return List.of(
                when("a --target HOST/VM pulls in the hide change its devices need")
                        .desired(Walkthrough.wintermuteDesired()).observed(wintermute())
                        .targets("wintermute/Windows Server 2012 R2")
                        .change("hide wintermute: - -> " + HIDE_BOTH + " [reboot required]")
                        .change(ASSIGN_ES1000).change(PIN_WINDOWS)
                        .warning("--target wintermute/Windows Server 2012 R2 also takes the hide change of wintermute:"
                                + " 0000:01:03.0 is not hidden at boot yet").done(),
                when("a --target HOST/VM with reboot: auto pulls in the reboot that puts the hide change in effect")
                        .desired(Walkthrough.wintermuteDesired().policy(Mode.AUTO, Mode.MANUAL, false)).observed(wintermute())
                        .targets("wintermute/" + WINDOWS)
                        .change("hide wintermute: - -> " + HIDE_BOTH + " [reboot required]")
                        .change(ASSIGN_ES1000).change(PIN_WINDOWS).change("reboot wintermute: - -> -")
                        .warning("also takes the hide change of wintermute").done(),
                when("a --target HOST/VM whose devices are hidden at boot leaves the host's hide change out")
                        .desired(Walkthrough.wintermuteDesired()).observed(wintermute().hidden("(0000:01:03.0)"))
                        .targets("wintermute/Windows Server 2012 R2")
                        .change(ASSIGN_ES1000).change(PIN_WINDOWS).done(),
                when("a --target HOST/VM is refused when the hide change it needs releases a device another VM still holds")
                        .desired(host("wintermute").hide("01:03.0").vm("Windows Server 2012 R2", "01:03.0").vm("XOA 4.15 Free"))
                        .observed(wintermuteWith("(0000:0e:00.0)", "0/0000:0e:00.0"))
                        .targets("wintermute/Windows Server 2012 R2")
                        .warning("also takes the hide change of wintermute")
                        .error("would apply part of the changes of wintermute and leave 0000:0e:00.0 assigned to VM"
                                + " 'XOA 4.15 Free' but not hidden at boot").done(),
                when("the same plan targeting both VMs takes the hide change and is safe")
                        .desired(host("wintermute").hide("01:03.0").vm("Windows Server 2012 R2", "01:03.0").vm("XOA 4.15 Free"))
                        .observed(wintermuteWith("(0000:0e:00.0)", "0/0000:0e:00.0"))
                        .targets("wintermute/Windows Server 2012 R2", "wintermute/XOA 4.15 Free")
                        .change("hide wintermute: (0000:0e:00.0) -> (0000:01:03.0) [reboot required]")
                        .change(ASSIGN_ES1000).change(ASSIGN_XOA_RELEASE_0E)
                        .warning("also takes the hide change of wintermute").done(),
                when("a --target HOST/VM that takes a device from another VM is refused (one device, one VM)")
                        .desired(host("wintermute").hide("01:03.0").vm("Windows Server 2012 R2", "01:03.0").vm("XOA 4.15 Free"))
                        .observed(wintermuteWith("(0000:01:03.0)", "0/0000:01:03.0"))
                        .targets("wintermute/Windows Server 2012 R2")
                        .error("leave 0000:01:03.0 assigned to 2 VMs: 'Windows Server 2012 R2', 'XOA 4.15 Free'").done(),
                when("a --target HOST/VM on the VM that gives the device up is fine")
                        .desired(host("wintermute").hide("01:03.0").vm("Windows Server 2012 R2", "01:03.0").vm("XOA 4.15 Free"))
                        .observed(wintermuteWith("(0000:01:03.0)", "0/0000:01:03.0"))
                        .targets("wintermute/XOA 4.15 Free")
                        .change("assign wintermute/XOA 4.15 Free: 0/0000:01:03.0 -> -").done(),
                when("hiding the management NIC fails a plan that targets only a VM of the host")
                        .desired(host("wintermute").hide("01:03.0", "0d:00.0").vm("Windows Server 2012 R2", "01:03.0"))
                        .observed(wintermute().hidden("(0000:01:03.0)"))
                        .targets("wintermute/Windows Server 2012 R2")
                        .error("0000:0d:00.0 is the management interface's NIC on wintermute").done(),
                when("hiding the root disk controller fails a plan that targets only a VM of the host")
                        .desired(host("wintermute").hide("01:03.0", "00:1f.2").vm("Windows Server 2012 R2", "01:03.0"))
                        .observed(wintermute().hidden("(0000:01:03.0)"))
                        .targets("wintermute/Windows Server 2012 R2")
                        .error("0000:00:1f.2 is the controller of the dom0 root disk on wintermute").done(),
                when("a device in two VMs fails a plan that targets only one of them")
                        .desired(host("wintermute").hide("01:03.0").vm("Windows Server 2012 R2", "01:03.0").vm("XOA 4.15 Free", "01:03.0"))
                        .observed(wintermute().hidden("(0000:01:03.0)"))
                        .targets("wintermute/XOA 4.15 Free")
                        .error("0000:01:03.0 is assigned to 2 VMs on wintermute").done());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansAsTheTableSays(PlannerTableTest.Case c) {
        new PlannerTableTest().plansAsTheTableSays(c);
    }
}
