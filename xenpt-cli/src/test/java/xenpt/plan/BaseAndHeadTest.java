package xenpt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import xenpt.desired.PciAddress;
import xenpt.observed.PowerState;

class BaseAndHeadTest {

    static final PciAddress NIC = PciAddress.parse("0e:00.0");
    static final PciAddress VGA = PciAddress.parse("01:03.0");

    static Change hide(String host, PciAddress... devices) {
        return new Change.Hide(host, Optional.empty(), Set.of(), Set.of(devices), "hide");
    }

    static Change assign(String host, String value) {
        return new Change.Assign(host, "uuid-1", "win", PowerState.RUNNING, Optional.empty(), Optional.of(value), "why");
    }

    static HostPlan host(String name, Change... changes) {
        return new HostPlan(name, "sim:" + name, List.of(changes), List.of(), List.of(), "f", List.of());
    }

    static Plan plan(HostPlan... hosts) {
        return new Plan(List.of(hosts), "id", "digest", Optional.empty());
    }

    @Test
    void rowsThatBasePlansTooAreExistingDriftAndTheRestArePullRequests() {
        Plan base = plan(host("a", hide("a", NIC)), host("b", hide("b", NIC)));
        Plan head = plan(host("a", hide("a", NIC), assign("a", "0/0000:0e:00.0")), host("b", hide("b", NIC, VGA)), host("c", hide("c", VGA)));
        BaseAndHead both = new BaseAndHead(base, head);

        Plan own = both.pullRequest();
        assertThat(own.hosts()).extracting(HostPlan::name).containsExactly("a", "b", "c");
        assertThat(own.host("a").orElseThrow().changes()).extracting(Change::kind).containsExactly(Change.Kind.ASSIGN);
        assertThat(own.host("b").orElseThrow().changes()).singleElement()
                .satisfies(c -> assertThat(c.after()).contains("(0000:01:03.0)(0000:0e:00.0)"));
        assertThat(own.host("c").orElseThrow().changes()).hasSize(1);
        assertThat(own.summary().reboots()).as("a's reboot is the existing drift's, not the pull request's").isEqualTo(2);
        assertThat(own.summary().vmRestarts()).isEqualTo(1);

        assertThat(both.existing()).extracting(e -> e.change().host() + " " + e.kept()).containsExactly("a true", "b false");
        assertThat(both.existingHosts()).isEqualTo(2);
        assertThat(both.existingReboots()).isEqualTo(2);
    }

    @Test
    void withoutDriftAtBaseEveryRowIsThePullRequests() {
        Plan head = plan(host("a", hide("a", NIC)));
        BaseAndHead both = new BaseAndHead(plan(host("a")), head);
        assertThat(both.pullRequest().hosts()).isEqualTo(head.hosts());
        assertThat(both.existing()).isEmpty();
        assertThat(both.existingReboots()).isZero();
    }

    @Test
    void statusesAndWarningsFoundAtBaseAreExistingAndAHostWithNothingOfItsOwnIsLeftOut() {
        Status pending = new Status(Status.Kind.PENDING_REBOOT, "the boot hide list is not the running kernel's");
        xenpt.diag.Diagnostic warnedAtBase = xenpt.diag.Diagnostic.warning(new xenpt.diag.Location("h.yaml", 3, 1), "odd", null);
        xenpt.diag.Diagnostic sameLater = xenpt.diag.Diagnostic.warning(new xenpt.diag.Location("h.yaml", 9, 1), "odd", null);
        xenpt.diag.Diagnostic fresh = xenpt.diag.Diagnostic.warning(null, "new in head", "fix it");
        HostPlan baseD = new HostPlan("d", "sim:d", List.of(hide("d", NIC)), List.of(pending), List.of(warnedAtBase), "f", List.of());
        HostPlan headD = new HostPlan("d", "sim:d", List.of(hide("d", NIC)), List.of(pending), List.of(sameLater), "f", List.of());
        HostPlan headE = new HostPlan("e", "sim:e", List.of(), List.of(), List.of(fresh), "f", List.of());
        BaseAndHead both = new BaseAndHead(plan(baseD, host("e"), host("f")), plan(headD, headE, host("f")));

        assertThat(both.pullRequest().hosts()).as("d has only existing drift; f has nothing and stays")
                .extracting(HostPlan::name).containsExactly("e", "f");
        assertThat(both.pullRequest().host("e").orElseThrow().diagnostics()).containsExactly(fresh);
        assertThat(both.existingFindings()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("d");
            assertThat(h.statuses()).containsExactly(pending);
            assertThat(h.diagnostics()).containsExactly(sameLater);
            assertThat(h.changes()).isEmpty();
        });

        xenpt.diag.Diagnostic error = xenpt.diag.Diagnostic.error(null, "broken", null);
        HostPlan failing = new HostPlan("g", "sim:g", List.of(), List.of(), List.of(error), "f", List.of());
        BaseAndHead failed = new BaseAndHead(plan(failing), plan(failing));
        assertThat(failed.pullRequest().failed()).as("an error fails head's plan whoever caused it").isTrue();
        assertThat(failed.existingFindings()).isEmpty();
    }
}
