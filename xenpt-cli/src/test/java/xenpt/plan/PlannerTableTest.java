package xenpt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static xenpt.plan.Fixtures.desired;
import static xenpt.plan.Fixtures.host;
import static xenpt.plan.Fixtures.observed;
import static xenpt.plan.Walkthrough.WINDOWS;
import static xenpt.plan.Walkthrough.WINTERMUTE;
import static xenpt.plan.Walkthrough.XOA;
import static xenpt.plan.Walkthrough.wintermute;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xenpt.desired.DesiredState;
import xenpt.desired.Policy.Mode;
import xenpt.diag.Diagnostic;
import xenpt.observed.Observation;
import xenpt.observed.PowerState;

/**
 * The planner as a table: (name, desired, observed, options) → expected changes, diagnostics and statuses. Changes
 * are compared exactly, in order, as {@code kind target: before -> after [needs]}; diagnostics by severity and a
 * distinctive part of the message, with the count exact; statuses by kind, exactly.
 */
class PlannerTableTest {

    static final String OTHER_HOST = "d1e2f3a4-0000-4000-8000-000000000002";
    static final String DB1 = "9a1c3e5f-2b4d-4f60-8e7a-0c1d2e3f4a5b";
    static final String DB2 = "1b2c3d4e-5f60-4a1b-9c2d-3e4f5a6b7c8d";

    record Case(String name, DesiredState desired, List<Observation> observed, PlanOptions options,
            List<String> changes, List<String> diagnostics, List<String> statuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final class CaseB {
        private final String name;
        private DesiredState desired;
        private final List<Observation> observed = new ArrayList<>();
        private PlanOptions options = PlanOptions.ALL;
        private final List<String> changes = new ArrayList<>();
        private final List<String> diagnostics = new ArrayList<>();
        private final List<String> statuses = new ArrayList<>();

        CaseB(String name) { this.name = name; }
        CaseB desired(Fixtures.HostB... hosts) { desired = Fixtures.desired(hosts); return this; }
        CaseB observed(Fixtures.ObsB... hosts) { for (var h : hosts) observed.add(h.reached()); return this; }
        CaseB observed(Observation o) { observed.add(o); return this; }
        CaseB targets(String... t) { options = PlanOptions.targets(t); return this; }
        CaseB change(String line) { changes.add(line); return this; }
        CaseB error(String part) { diagnostics.add("error: " + part); return this; }
        CaseB warning(String part) { diagnostics.add("warning: " + part); return this; }
        CaseB status(String kind) { statuses.add(kind); return this; }
        Case done() { return new Case(name, desired, observed, options, changes, diagnostics, statuses); }
    }

    static CaseB when(String name) {
        return new CaseB(name);
    }

    static final String HIDE_BOTH = "(0000:01:03.0)(0000:0e:00.0)";
    static final String ASSIGN_ES1000 = "assign wintermute/Windows Server 2012 R2: - -> 0/0000:01:03.0 [VM restart required]";
    static final String PIN_WINDOWS = "pin wintermute/Windows Server 2012 R2: - -> " + WINTERMUTE;

    static Fixtures.ObsB converged() {
        return Walkthrough.converged();
    }

    static Fixtures.ObsB gpuHost() {
        return Fixtures.observed("gpu1", OTHER_HOST)
                .device("0000:01:00.0", "10de:1b81", "0300", "VGA compatible controller", "NVIDIA Corporation", "GP104", "nouveau")
                .device("0000:01:00.1", "10de:10f0", "0403", "Audio device", "NVIDIA Corporation", "GP104 Audio", "snd_hda_intel")
                .nic("0000:02:00.0", "igb")
                .hidden("(0000:01:00.0)(0000:01:00.1)");
    }

    static List<Case> cases() {
        return List.of(
                when("observed equal to desired gives an empty plan")
                        .desired(Walkthrough.wintermuteDesired()).observed(converged()).done(),
                when("walk-through hides, assigns to the running VM and pins it")
                        .desired(Walkthrough.wintermuteDesired()).observed(wintermute())
                        .change("hide wintermute: - -> " + HIDE_BOTH + " [reboot required]")
                        .change(ASSIGN_ES1000).change(PIN_WINDOWS).done(),
                when("hide alone needs a reboot and nothing else")
                        .desired(host("wintermute").hide("0e:00.0")).observed(wintermute())
                        .change("hide wintermute: - -> (0000:0e:00.0) [reboot required]").done(),
                when("assigning to a halted VM needs no restart")
                        .desired(host("wintermute").hide("01:03.0").vm("XOA 4.15 Free", "01:03.0"))
                        .observed(wintermute().hidden("(0000:01:03.0)"))
                        .change("assign wintermute/XOA 4.15 Free: - -> 0/0000:01:03.0")
                        .change("pin wintermute/XOA 4.15 Free: - -> " + WINTERMUTE).done(),
                when("several devices are written in the desired order")
                        .desired(host("wintermute").hide("0e:00.0", "01:03.0").vm("XOA 4.15 Free", "0e:00.0", "01:03.0"))
                        .observed(wintermute().hidden(HIDE_BOTH))
                        .change("assign wintermute/XOA 4.15 Free: - -> 0/0000:0e:00.0,0/0000:01:03.0")
                        .change("pin wintermute/XOA 4.15 Free: - -> " + WINTERMUTE).done(),
                when("an empty pci list removes the key and leaves affinity alone")
                        .desired(host("wintermute").hide("0e:00.0", "01:03.0").vm("Windows Server 2012 R2"))
                        .observed(converged())
                        .change("assign wintermute/Windows Server 2012 R2: 0/0000:01:03.0 -> - [VM restart required]").done(),
                when("a host without hide leaves the boot configuration alone")
                        .desired(host("wintermute").vm("XOA 4.15 Free", "01:03.0"))
                        .observed(wintermute().hidden("(0000:01:03.0)(0000:0e:00.0)(0000:00:1f.2)"))
                        .change("assign wintermute/XOA 4.15 Free: - -> 0/0000:01:03.0")
                        .change("pin wintermute/XOA 4.15 Free: - -> " + WINTERMUTE).done(),
                when("hide: [] releases every hidden device")
                        .desired(host("wintermute").hide()).observed(wintermute().hidden(HIDE_BOTH))
                        .change("hide wintermute: " + HIDE_BOTH + " -> - [reboot required]").done(),
                when("hide sets are compared without order or form")
                        .desired(host("wintermute").hide("0e:00.0", "01:03.0")).observed(wintermute().hidden("(0e:00.0)(01:03.0)"))
                        .done(),
                when("a boot hide list that does not parse is rewritten")
                        .desired(host("wintermute").hide("01:03.0")).observed(wintermute().hidden("(0000:01:03.0)(0e::00.0)").pciback(false))
                        .change("hide wintermute: (0000:01:03.0)(0e::00.0) -> (0000:01:03.0) [reboot required]")
                        .status("pciback-not-loaded").warning("pciback is not loaded on wintermute: the running hide list")
                        .done(),
                when("a VM pinned elsewhere is pinned to its host")
                        .desired(host("wintermute").hide("01:03.0").vmWithUuid("XOA 4.15 Free", DB1, "01:03.0"))
                        .observed(wintermute().hidden("(0000:01:03.0)").vm(DB1, "XOA 4.15 Free", PowerState.HALTED, OTHER_HOST, "", "0/0000:01:03.0"))
                        .change("pin wintermute/XOA 4.15 Free: " + OTHER_HOST + " -> " + WINTERMUTE).done(),
                when("a pci value not in normal form is rewritten")
                        .desired(host("wintermute").hide("01:03.0", "0e:00.0").vm("Windows Server 2012 R2", "01:03.0", "0e:00.0"))
                        .observed(Fixtures.observed("wintermute", WINTERMUTE)
                                .device("0000:01:03.0", "1002:515e", "0300", "VGA compatible controller", "AMD", "ES1000", "pciback")
                                .nic("0000:0e:00.0", "pciback").hidden(HIDE_BOTH)
                                .nic("0000:0d:00.0", "e1000e").management("0000:0d:00.0")
                                .vm(WINDOWS, "Windows Server 2012 R2", PowerState.HALTED, WINTERMUTE, "", "0/0000:01:03.0,0/0000:0E:00.0"))
                        .change("assign wintermute/Windows Server 2012 R2: 0/0000:01:03.0,0/0000:0E:00.0 -> 0/0000:01:03.0,0/0000:0e:00.0")
                        .done(),
                when("reboot: auto adds a reboot after the hide")
                        .desired(host("wintermute").policy(Mode.AUTO, Mode.MANUAL, false).hide("0e:00.0")).observed(wintermute())
                        .change("hide wintermute: - -> (0000:0e:00.0) [reboot required]")
                        .change("reboot wintermute: - -> -").done(),
                when("reboot: auto reboots a host whose boot list is not yet in effect")
                        .desired(host("wintermute").policy(Mode.AUTO, Mode.MANUAL, false).hide("0e:00.0"))
                        .observed(wintermute().bootHide("(0000:0e:00.0)"))
                        .change("reboot wintermute: - -> -").status("pending-reboot").done(),
                when("vmRestart: auto restarts a running VM whose devices change")
                        .desired(host("wintermute").policy(Mode.MANUAL, Mode.AUTO, false).hide("01:03.0").vm("Windows Server 2012 R2", "01:03.0"))
                        .observed(wintermute().hidden("(0000:01:03.0)"))
                        .change(ASSIGN_ES1000).change(PIN_WINDOWS)
                        .change("restart-vm wintermute/Windows Server 2012 R2: - -> -").done(),
                when("vmRestart: auto under reboot: manual does not start a VM whose new device dom0 still drives")
                        .desired(host("wintermute").policy(Mode.MANUAL, Mode.AUTO, false).hide("01:03.0").vm("Windows Server 2012 R2", "01:03.0"))
                        .observed(wintermute())
                        .change("hide wintermute: - -> (0000:01:03.0) [reboot required]")
                        .change(ASSIGN_ES1000).change(PIN_WINDOWS)
                        .warning("VM 'Windows Server 2012 R2' is not restarted: dom0 still drives some of 0000:01:03.0 until"
                                + " wintermute reboots").done(),
                when("vmRestart: auto under reboot: auto restarts the VM after the reboot")
                        .desired(host("wintermute").policy(Mode.AUTO, Mode.AUTO, false).hide("01:03.0").vm("Windows Server 2012 R2", "01:03.0"))
                        .observed(wintermute())
                        .change("hide wintermute: - -> (0000:01:03.0) [reboot required]")
                        .change(ASSIGN_ES1000).change(PIN_WINDOWS).change("reboot wintermute: - -> -")
                        .change("restart-vm wintermute/Windows Server 2012 R2: - -> -").done(),
                when("vmRestart: auto does not restart a halted VM")
                        .desired(host("wintermute").policy(Mode.MANUAL, Mode.AUTO, false).hide("01:03.0").vm("XOA 4.15 Free", "01:03.0"))
                        .observed(wintermute().hidden("(0000:01:03.0)"))
                        .change("assign wintermute/XOA 4.15 Free: - -> 0/0000:01:03.0")
                        .change("pin wintermute/XOA 4.15 Free: - -> " + WINTERMUTE).done(),
                when("a device to hide that lspci does not list fails the plan")
                        .desired(host("wintermute").hide("0e:00.0", "05:00.0")).observed(wintermute())
                        .error("0000:05:00.0 is not on wintermute (lspci does not list it)").done(),
                when("a device to assign that lspci does not list fails the plan")
                        .desired(host("wintermute").vm("XOA 4.15 Free", "05:00.0"))
                        .observed(wintermute().hidden("(0000:05:00.0)"))
                        .error("0000:05:00.0 is not on wintermute").done(),
                when("an id pin that does not match fails the plan, naming both ids")
                        .desired(host("wintermute").hidePinned("01:03.0", "10de:1b81")).observed(wintermute())
                        .error("0000:01:03.0 on wintermute is 1002:515e (Advanced Micro Devices, Inc. [AMD/ATI] ES1000), not the pinned 10de:1b81")
                        .done(),
                when("hiding the management NIC fails the plan")
                        .desired(host("wintermute").hide("0d:00.0")).observed(wintermute())
                        .error("0000:0d:00.0 is the management interface's NIC on wintermute; hiding it would cut the host off").done(),
                when("hiding the root disk controller fails the plan")
                        .desired(host("wintermute").hide("00:1f.2")).observed(wintermute())
                        .error("0000:00:1f.2 is the controller of the dom0 root disk on wintermute").done(),
                when("an unknown VM fails the plan")
                        .desired(host("wintermute").hide("01:03.0").vm("Windows 2016", "01:03.0")).observed(wintermute())
                        .error("VM 'Windows 2016' does not exist on wintermute").done(),
                when("an ambiguous name-label without uuid fails the plan, listing the uuids")
                        .desired(host("wintermute").hide("01:03.0").vm("db", "01:03.0"))
                        .observed(wintermute().vm(DB1, "db", PowerState.HALTED, "", "", null).vm(DB2, "db", PowerState.HALTED, "", "", null))
                        .error("VM name-label 'db' is ambiguous on wintermute: 2 VMs (" + DB2 + ", " + DB1 + ")").done(),
                when("a uuid picks one of two VMs with the same name-label")
                        .desired(host("wintermute").hide("01:03.0").vmWithUuid("db", DB1, "01:03.0"))
                        .observed(wintermute().hidden("(0000:01:03.0)").vm(DB1, "db", PowerState.HALTED, "", "", null)
                                .vm(DB2, "db", PowerState.HALTED, "", "", null))
                        .change("assign wintermute/db: - -> 0/0000:01:03.0")
                        .change("pin wintermute/db: - -> " + WINTERMUTE).done(),
                when("a uuid that belongs to another name-label fails the plan")
                        .desired(host("wintermute").hide("01:03.0").vmWithUuid("XOA 4.15 Free", WINDOWS, "01:03.0")).observed(wintermute())
                        .error("VM uuid " + WINDOWS + " is named 'Windows Server 2012 R2' on wintermute, not 'XOA 4.15 Free'").done(),
                when("one device in two managed VMs fails the plan")
                        .desired(host("wintermute").hide("01:03.0").vm("Windows Server 2012 R2", "01:03.0").vm("XOA 4.15 Free", "01:03.0"))
                        .observed(wintermute().hidden("(0000:01:03.0)"))
                        .error("0000:01:03.0 is assigned to 2 VMs on wintermute: 'Windows Server 2012 R2', 'XOA 4.15 Free'").done(),
                when("one device in a managed and an unmanaged VM fails the plan")
                        .desired(host("wintermute").hide("01:03.0").vm("XOA 4.15 Free", "01:03.0"))
                        .observed(wintermute().hidden("(0000:01:03.0)").vm(DB1, "db1", PowerState.HALTED, WINTERMUTE, "", "0/0000:01:03.0"))
                        .error("0000:01:03.0 is assigned to 2 VMs on wintermute: 'XOA 4.15 Free', unmanaged 'db1'")
                        .status("unmanaged-assignment").done(),
                when("a device assigned but not in the desired hide list fails the plan")
                        .desired(host("wintermute").hide("0e:00.0").vm("XOA 4.15 Free", "01:03.0")).observed(wintermute())
                        .error("0000:01:03.0 is assigned to VM 'XOA 4.15 Free' but is not in the desired hide list of wintermute; xenopsd would tear it from its dom0 driver")
                        .done(),
                when("without hide, a device assigned but not hidden on the host fails the plan")
                        .desired(host("wintermute").vm("XOA 4.15 Free", "01:03.0")).observed(wintermute().hidden("(0000:0e:00.0)"))
                        .error("0000:01:03.0 is assigned to VM 'XOA 4.15 Free' but is not in the boot hide list of wintermute ('(0000:0e:00.0)')")
                        .done(),
                when("without hide, on a host that hides nothing, the error says so rather than quoting ''")
                        .desired(host("wintermute").vm("XOA 4.15 Free", "01:03.0")).observed(wintermute())
                        .error("0000:01:03.0 is assigned to VM 'XOA 4.15 Free' but is not in the boot hide list of wintermute, which hides nothing;")
                        .done(),
                when("hiding a NIC on a host whose management interface has no known PCI device warns")
                        .desired(host("bonded").hide("0e:00.0"))
                        .observed(Fixtures.observed("bonded", OTHER_HOST).nic("0000:0d:00.0", "igb").nic("0000:0e:00.0", "igb"))
                        .change("hide bonded: - -> (0000:0e:00.0) [reboot required]")
                        .warning("0000:0e:00.0 is a network controller and the PCI device behind the management interface"
                                + " of bonded is unknown (a bond or a VLAN?)").done(),
                when("hiding one function of a multi-function device warns, naming the missing one")
                        .desired(host("gpu1").hide("01:00.0")).observed(gpuHost())
                        .change("hide gpu1: (0000:01:00.0)(0000:01:00.1) -> (0000:01:00.0) [reboot required]")
                        .warning("0000:01:00.0 is one function of a multi-function device on gpu1; 0000:01:00.1 is not hidden").done(),
                when("assigning one function of a multi-function device warns")
                        .desired(host("gpu1").hide("01:00.0", "01:00.1").vm("render", "01:00.0"))
                        .observed(gpuHost().vm(DB1, "render", PowerState.HALTED, "", "", null))
                        .change("assign gpu1/render: - -> 0/0000:01:00.0").change("pin gpu1/render: - -> " + OTHER_HOST)
                        .warning("VM 'render' gets only some functions of a multi-function device on gpu1; 0000:01:00.1 not assigned").done(),
                when("an unmanaged VM with devices is reported and, unpinned, warned about")
                        .desired(host("gpu1").hide("01:00.0", "01:00.1"))
                        .observed(gpuHost().vm(DB1, "render", PowerState.RUNNING, "", OTHER_HOST, "0/0000:01:00.0,0/0000:01:00.1"))
                        .status("unmanaged-assignment")
                        .warning("VM 'render' has passthrough devices but is not pinned to gpu1 (no affinity)").done(),
                when("an unmanaged VM pinned to its host is reported without a warning")
                        .desired(host("gpu1").hide("01:00.0", "01:00.1"))
                        .observed(gpuHost().vm(DB1, "render", PowerState.RUNNING, OTHER_HOST, OTHER_HOST, "0/0000:01:00.0,0/0000:01:00.1"))
                        .status("unmanaged-assignment").done(),
                when("prune removes the pci of an unmanaged VM of this host")
                        .desired(host("gpu1").policy(Mode.MANUAL, Mode.MANUAL, true).hide("01:00.0", "01:00.1"))
                        .observed(gpuHost().vm(DB1, "render", PowerState.RUNNING, OTHER_HOST, OTHER_HOST, "0/0000:01:00.0,0/0000:01:00.1"))
                        .change("assign gpu1/render: 0/0000:01:00.0,0/0000:01:00.1 -> - [VM restart required]")
                        .status("unmanaged-assignment").done(),
                when("prune leaves VMs of other hosts alone")
                        .desired(host("gpu1").policy(Mode.MANUAL, Mode.MANUAL, true).hide("01:00.0", "01:00.1"))
                        .observed(gpuHost().vm(DB1, "render", PowerState.RUNNING, WINTERMUTE, WINTERMUTE, "0/0000:01:00.0"))
                        .done(),
                when("a boot hide list not on the running kernel line is a pending reboot")
                        .desired(host("wintermute").hide("0e:00.0")).observed(wintermute().bootHide("(0000:0e:00.0)"))
                        .status("pending-reboot").done(),
                when("a hidden device that pciback has not bound is a pending reboot")
                        .desired(host("wintermute").hide("0e:00.0")).observed(wintermute().hidden("(0000:0e:00.0)").pciback(true))
                        .status("pending-reboot").done(),
                when("pciback not loaded because the running hide list does not parse is reported and warned about")
                        .desired(host("wintermute").hide("0e:00.0"))
                        .observed(wintermute().bootHide("(0000:0e:00.0)").runningHide("(0e:00:0)").pciback(false))
                        .status("pciback-not-loaded").status("pending-reboot")
                        .warning("pciback is not loaded on wintermute: the running hide list '(0e:00:0)' does not parse").done(),
                when("a broken boot hide list on a host without hide is warned about")
                        .desired(host("wintermute")).observed(wintermute().hidden("(0000:0e:00.0)(01:00)").pciback(false))
                        .status("pciback-not-loaded")
                        .warning("the boot hide list '(0000:0e:00.0)(01:00)' of wintermute does not parse")
                        .warning("pciback is not loaded on wintermute").done(),
                when("an unreachable host is a status, not an exception")
                        .desired(host("wintermute").hide("0e:00.0"))
                        .observed(Fixtures.unreachable("wintermute", "192.0.2.10", "connection refused"))
                        .status("unreachable").done(),
                when("a --target HOST plans only that host")
                        .desired(host("wintermute").hide("0e:00.0"), host("gpu1").hide())
                        .observed(wintermute(), gpuHost()).targets("gpu1")
                        .change("hide gpu1: (0000:01:00.0)(0000:01:00.1) -> - [reboot required]").done(),
                when("a --target HOST/VM plans only that VM's changes")
                        .desired(Walkthrough.wintermuteDesired()).observed(wintermute().hidden("(0000:01:03.0)"))
                        .targets("wintermute/Windows Server 2012 R2")
                        .change(ASSIGN_ES1000).change(PIN_WINDOWS).done(),
                when("a --target HOST/VM naming no VM is an error, not an empty plan")
                        .desired(Walkthrough.wintermuteDesired()).observed(wintermute())
                        .targets("wintermute/Windows Server 2021")
                        .error("--target wintermute/Windows Server 2021 names no VM of wintermute").done(),
                when("a --target HOST/VM may name an unmanaged VM of the host, by uuid")
                        .desired(host("gpu1").policy(Mode.MANUAL, Mode.MANUAL, true).hide("01:00.0", "01:00.1"))
                        .observed(gpuHost().vm(DB1, "render", PowerState.HALTED, OTHER_HOST, "", "0/0000:01:00.0,0/0000:01:00.1"))
                        .targets("gpu1/" + DB1)
                        .change("assign gpu1/render: 0/0000:01:00.0,0/0000:01:00.1 -> -")
                        .status("unmanaged-assignment").done(),
                when("a managed VM running without its device has a not-attached status and no change")
                        .desired(Walkthrough.wintermuteDesired()).observed(Walkthrough.converged().attached(WINDOWS))
                        .status("not-attached").done(),
                when("a managed VM holding its device has no status")
                        .desired(Walkthrough.wintermuteDesired())
                        .observed(Walkthrough.converged().attached(WINDOWS, "0000:01:03.0")).done(),
                when("errors drop every change of the host")
                        .desired(host("wintermute").hide("0e:00.0", "0d:00.0").vm("XOA 4.15 Free", "0e:00.0")).observed(wintermute())
                        .error("0000:0d:00.0 is the management interface's NIC").done());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansAsTheTableSays(Case c) {
        Plan plan = Planner.plan(c.desired(), c.observed(), c.options());

        List<String> changes = plan.hosts().stream().flatMap(h -> h.changes().stream()).map(PlannerTableTest::line).toList();
        assertThat(changes).as("changes").containsExactlyElementsOf(c.changes());

        List<Diagnostic> diags = plan.hosts().stream().flatMap(h -> h.diagnostics().stream()).toList();
        assertThat(diags).as("diagnostics").hasSize(c.diagnostics().size());
        for (String expected : c.diagnostics()) {
            String severity = expected.substring(0, expected.indexOf(':'));
            String part = expected.substring(expected.indexOf(':') + 2);
            assertThat(diags).as("diagnostics").anySatisfy(d -> {
                assertThat(d.severity().label()).isEqualTo(severity);
                assertThat(d.message()).contains(part);
            });
        }
        List<String> statuses = plan.hosts().stream().flatMap(h -> h.statuses().stream()).map(s -> s.kind().word()).sorted().toList();
        List<String> expectedStatuses = c.statuses().stream().filter(s -> s != null).sorted().toList();
        assertThat(statuses).as("statuses").isEqualTo(expectedStatuses);

        boolean errors = c.diagnostics().stream().anyMatch(d -> d.startsWith("error"));
        assertThat(plan.failed()).as("failed").isEqualTo(errors || expectedStatuses.contains("unreachable"));
    }

    static String line(Change c) {
        String needs = c.needs().isEmpty() ? ""
                : c.needs().stream().sorted().map(Change.Need::text).collect(Collectors.joining(", ", " [", "]"));
        return c.kind().word() + " " + c.target() + ": " + c.before().orElse("-") + " -> " + c.after().orElse("-") + needs;
    }
}
