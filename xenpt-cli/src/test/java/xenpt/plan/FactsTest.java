package xenpt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static xenpt.plan.Walkthrough.WINTERMUTE;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xenpt.observed.PowerState;

class FactsTest {

    @Test
    void factsNameWhatThePlanDependsOn() {
        var facts = Facts.of(Walkthrough.converged().build());
        assertThat(facts)
                .containsEntry("boot hide list", "(0e:00.0)(01:03.0)")
                .containsEntry("vm 'Windows Server 2012 R2' other-config:pci", "0/0000:01:03.0")
                .containsEntry("vm 'Windows Server 2012 R2' affinity", WINTERMUTE)
                .containsEntry("vm 'Windows Server 2012 R2' power-state", "running")
                .containsEntry("vm 'XOA 4.15 Free' other-config:pci", "")
                .containsEntry("device 0000:01:03.0 id", "1002:515e")
                .containsEntry("backend", "grub")
                .containsKey("boot id");
    }

    @Test
    void sameFactsGiveTheSameFingerprintAndAnyChangeAnother() {
        String a = Facts.fingerprint(Facts.of(Walkthrough.wintermute().build()));
        String b = Facts.fingerprint(Facts.of(Walkthrough.wintermute().build()));
        String c = Facts.fingerprint(Facts.of(Walkthrough.wintermute().bootId("0b6f5e4d-1111-4222-8333-944455556666").build()));
        assertThat(a).hasSize(64).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void stalenessNamesEachChangedFact() {
        var obs = Fixtures.observed("h", WINTERMUTE);
        var before = Facts.of(obs.vm("u1", "db1", PowerState.HALTED, "", "", null).build());
        var after = Facts.of(Fixtures.observed("h", WINTERMUTE)
                .vm("u1", "db1", PowerState.HALTED, "", "", "0/0000:01:00.0")
                .vm("u2", "db2", PowerState.HALTED, "", "", null).build());
        List<String> stale = Staleness.check(before, after);
        assertThat(stale).contains("vm 'db1' other-config:pci was '' and is now '0/0000:01:00.0'",
                "vm 'db2' other-config:pci is new: ''");
        assertThat(Staleness.check(before, before)).isEmpty();
        assertThat(Staleness.check(after, before)).contains("vm 'db2' power-state was 'halted' and is now gone");
    }

    @Test
    void ambiguousVmNamesAreKeyedByUuid() {
        var facts = Facts.of(Fixtures.observed("h", WINTERMUTE)
                .vm("u1", "db", PowerState.HALTED, "", "", null).vm("u2", "db", PowerState.RUNNING, "", "", null).build());
        assertThat(facts).containsEntry("vm 'db' (u1) power-state", "halted").containsEntry("vm 'db' (u2) power-state", "running");
        assertThat(Optional.ofNullable(facts.get("vm 'db' power-state"))).isEmpty();
    }
}
