package xenpt.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xenpt.desired.IntentChange.Kind;

class IntentDiffTest {

    static DesiredState load(String yaml) {
        return DesiredStateLoader.load(List.of(new SourceFile("f.yaml", yaml.getBytes(StandardCharsets.UTF_8))))
                .state().orElseThrow();
    }

    static final String BASE = """
            version: 1
            hosts:
              a:
                address: 192.0.2.1
                hide: [0e:00.0, {address: 01:03.0, id: "1002:515e"}]
                vms:
                  web: {pci: [01:03.0]}
                  db: {pci: [0e:00.0]}
              gone:
                address: 192.0.2.9
            """;

    static final String HEAD = """
            version: 1
            hosts:
              a:
                address: 192.0.2.1
                policy: {reboot: auto}
                hide: [{address: 01:03.0, id: "1002:515f"}, 02:00.0]
                vms:
                  web: {pci: [01:03.0, 02:00.0]}
              new:
                address: sim:wintermute
                hide: [0e:00.0]
                vms:
                  x: {pci: [0e:00.0]}
            """;

    @Test
    void reportsHostsDevicesAssignmentsAndPolicies() {
        Intent intent = IntentDiff.between(load(BASE), load(HEAD));
        assertThat(intent.changes()).extracting(c -> c.host() + " " + c.kind().word() + " " + c.subject() + ": "
                + c.before().orElse("-") + " -> " + c.after().orElse("-")).containsExactly(
                "a setting 0000:01:03.0 id: 1002:515e -> 1002:515f",
                "a setting vm 'db': 0000:0e:00.0 -> not managed (its pci is left as it is)",
                "a policy reboot: manual -> auto",
                "a hide 0000:02:00.0: - -> hidden",
                "a release 0000:0e:00.0: hidden -> given back to dom0",
                "a assign vm 'web': 0000:01:03.0 -> 0000:01:03.0, 0000:02:00.0",
                "gone host removed gone: 192.0.2.9 -> -",
                "new host added new: - -> sim:wintermute",
                "new setting hide list: not managed -> managed (exactly the listed devices)",
                "new hide 0000:0e:00.0: - -> hidden",
                "new assign vm 'x': not managed -> 0000:0e:00.0");
        assertThat(intent.reboots()).isEqualTo(2);
        assertThat(intent.vmRestarts()).isEqualTo(2);
        assertThat(intent.hosts()).containsExactly("a", "gone", "new");
    }

    @Test
    void equalStatesHaveNoIntentAndAHideListThatStopsBeingManagedIsNotARelease() {
        assertThat(IntentDiff.between(load(BASE), load(BASE)).isEmpty()).isTrue();
        String unmanaged = BASE.replace("    hide: [0e:00.0, {address: 01:03.0, id: \"1002:515e\"}]\n", "");
        Intent intent = IntentDiff.between(load(BASE), load(unmanaged));
        assertThat(intent.changes()).extracting(IntentChange::kind).containsExactly(Kind.SETTING);
        assertThat(intent.changes().get(0).after()).isEqualTo(Optional.of("not managed (the boot configuration is left as it is)"));
    }
}
