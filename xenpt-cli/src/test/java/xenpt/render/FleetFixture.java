package xenpt.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import xenpt.desired.DesiredState;
import xenpt.observed.Observation;
import xenpt.observed.PowerState;
import xenpt.plan.Change;
import xenpt.plan.Drift;
import xenpt.plan.DriftReport;
import xenpt.plan.Fixtures;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;
import xenpt.plan.PlanOptions;
import xenpt.plan.Planner;

/**
 * A fleet made by the planner from desired and observed hosts: {@code h001}…{@code hNNN}, each hiding its second NIC
 * 0000:0e:00.0. Every host is converged (hidden, bound to pciback) except the changed ones, which have nothing hidden
 * yet and a running VM "gpu-N" to give the ES1000 at 0000:01:03.0 (so each plans hide, assign and pin).
 */
final class FleetFixture {

    private FleetFixture() {}

    static String name(int i) {
        return String.format("h%03d", i);
    }

    static String uuid(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }

    static Plan plan(int hosts, Set<Integer> changed) {
        return Planner.plan(desired(hosts, changed), observed(hosts, changed),
                new PlanOptions(List.of(), Optional.of("fleet-0001")));
    }

    static DriftReport drift(int hosts, Set<Integer> changed) {
        return Drift.classify(desired(hosts, changed), observed(hosts, changed));
    }

    /** A host plan made of these changes (no facts: as for a host whose facts do not matter to the view). */
    static HostPlan host(String name, List<Change> changes) {
        HostPlan facts = Planner.plan(Fixtures.desired(Fixtures.host(name)),
                List.of(Fixtures.unreachable(name, name, "down")), PlanOptions.ALL).hosts().get(0);
        return new HostPlan(name, name, changes, List.of(), List.of(), "f", facts.facts());
    }

    private static DesiredState desired(int hosts, Set<Integer> changed) {
        List<Fixtures.HostB> list = new ArrayList<>();
        for (int i = 1; i <= hosts; i++) {
            Fixtures.HostB h = Fixtures.host(name(i)).address(address(i));
            if (changed.contains(i)) {
                h.hide("0000:0e:00.0").hidePinned("01:03.0", "1002:515e").vmWithUuid("gpu-" + i, vm(i), "01:03.0");
            } else {
                h.hide("0000:0e:00.0");
            }
            list.add(h);
        }
        return Fixtures.desired(list.toArray(Fixtures.HostB[]::new));
    }

    private static List<Observation> observed(int hosts, Set<Integer> changed) {
        List<Observation> list = new ArrayList<>();
        for (int i = 1; i <= hosts; i++) {
            Fixtures.ObsB o = Fixtures.observed(name(i), uuid(i)).address(address(i)).nic("0000:0d:00.0", "e1000e")
                    .management("0000:0d:00.0");
            if (changed.contains(i)) {
                o.nic("0000:0e:00.0", "e1000e").device("0000:01:03.0", "1002:515e", "0300", "VGA compatible controller",
                        "Advanced Micro Devices, Inc. [AMD/ATI]", "ES1000", "radeon")
                        .vmHere(vm(i), "gpu-" + i, PowerState.RUNNING, false, null);
            } else {
                o.nic("0000:0e:00.0", "pciback").hidden("(0000:0e:00.0)");
            }
            list.add(o.reached());
        }
        return list;
    }

    private static String address(int i) {
        return "10.0." + (i / 250) + "." + (i % 250 + 1);
    }

    private static String vm(int i) {
        return String.format("2a000000-0000-4000-8000-%012d", i);
    }
}
