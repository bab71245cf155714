package xenpt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static xenpt.plan.Walkthrough.WINDOWS;
import static xenpt.plan.Walkthrough.WINTERMUTE;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xenpt.observed.PowerState;

class FactsTest {

    @Test
    void factsAreKeyedByHostFieldVmUuidOrDeviceNotBySentences() {
        var facts = Facts.of(Walkthrough.converged().build());
        assertThat(facts).contains(
                Fact.host("boot-hide-list", "(0e:00.0)(01:03.0)"),
                Fact.vm(WINDOWS, "Windows Server 2012 R2", "other-config:pci", "0/0000:01:03.0"),
                Fact.vm(WINDOWS, "Windows Server 2012 R2", "affinity", WINTERMUTE),
                Fact.vm(WINDOWS, "Windows Server 2012 R2", "power-state", "running"),
                Fact.vm(WINDOWS, "Windows Server 2012 R2", "name-label", "Windows Server 2012 R2"),
                Fact.device("0000:01:03.0", "id", "1002:515e"),
                Fact.host("backend", "grub"));
        assertThat(facts).filteredOn(f -> f.field().equals("boot-id")).hasSize(1);
        assertThat(facts).filteredOn(f -> f.vmName().equals(Optional.of("XOA 4.15 Free")) && f.field().equals("other-config:pci"))
                .singleElement().extracting(Fact::value).isEqualTo("");
        assertThat(facts).as("host facts, then devices, then VMs").isSorted()
                .first().extracting(Fact::field).isEqualTo("backend");
        assertThat(facts.get(facts.size() - 1).vm()).isPresent();
    }

    @Test
    void aRenamedVmIsTheSameVmWithAChangedNameLabel() {
        var before = Facts.of(Fixtures.observed("h", WINTERMUTE).vm("u1", "db1", PowerState.HALTED, "", "", null).build());
        var after = Facts.of(Fixtures.observed("h", WINTERMUTE).vm("u1", "db-main", PowerState.HALTED, "", "", null).build());
        assertThat(Staleness.check(before, after)).containsExactly("vm 'db1' name-label was 'db1' and is now 'db-main'");
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
        assertThat(Staleness.check(Facts.of(Walkthrough.wintermute().build()), Facts.of(Walkthrough.wintermute()
                .bootId("0b6f5e4d-1111-4222-8333-944455556666").build()))).singleElement().asString().startsWith("boot id was '");
        assertThat(Staleness.check(before, before)).isEmpty();
        assertThat(Staleness.check(after, before)).contains("vm 'db2' power-state was 'halted' and is now gone");
    }

    @Test
    void vmsAreKeyedByUuidAndMessagesAddTheUuidWhenNamesClash() {
        var facts = Facts.of(Fixtures.observed("h", WINTERMUTE)
                .vm("u1", "db", PowerState.HALTED, "", "", null).vm("u2", "db", PowerState.RUNNING, "", "", null).build());
        assertThat(facts).contains(Fact.vm("u1", "db", "power-state", "halted"), Fact.vm("u2", "db", "power-state", "running"));
        var started = Facts.of(Fixtures.observed("h", WINTERMUTE)
                .vm("u1", "db", PowerState.RUNNING, "", "", null).vm("u2", "db", PowerState.RUNNING, "", "", null).build());
        assertThat(Staleness.check(facts, started)).as("the message tells two VMs of one name apart by uuid")
                .containsExactly("vm 'db' (u1) power-state was 'halted' and is now 'running'");
    }
}
