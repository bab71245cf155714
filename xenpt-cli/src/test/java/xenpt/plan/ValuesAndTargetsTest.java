package xenpt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xenpt.desired.PciAddress;
import xenpt.format.hide.HideValue;
import xenpt.format.otherconfig.OtherConfigPci;

class ValuesAndTargetsTest {

    private static final List<PciAddress> TWO = List.of(PciAddress.parse("01:03.0"), PciAddress.parse("0000:00:1F.2"));

    @Test
    void pciValueKeepsTheDesiredOrderInFullLowerCaseForm() {
        assertThat(OtherConfigPci.format(TWO)).isEqualTo("0/0000:01:03.0,0/0000:00:1f.2");
        assertThat(OtherConfigPci.parse("0/0000:01:03.0,0/0000:00:1f.2")).isEqualTo(TWO);
        assertThat(OtherConfigPci.format(List.of())).isEmpty();
    }

    @Test
    void hideValueIsSortedFixedWidthEntries() {
        assertThat(HideValue.format(TWO)).isEqualTo("(0000:00:1f.2)(0000:01:03.0)");
        assertThat(HideValue.devices("(0000:00:1f.2)(01:03.0)")).containsExactlyElementsOf(
                List.of(PciAddress.parse("00:1f.2"), PciAddress.parse("01:03.0")));
        assertThatThrownBy(() -> HideValue.devices("(0000:00:1f.2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void targetsSplitAtTheFirstSlash() {
        assertThat(Target.parse("wintermute")).isEqualTo(new Target("wintermute", Optional.empty()));
        assertThat(Target.parse("wintermute/a/b VM")).isEqualTo(new Target("wintermute", Optional.of("a/b VM")));
        assertThatThrownBy(() -> Target.parse("wintermute/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void targetNamingNoHostIsAnError() {
        var diags = PlanOptions.targets("wintermute", "nohost/vm").check(Walkthrough.desired());
        assertThat(diags).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.message()).isEqualTo("--target nohost/vm names no host of the desired state");
            assertThat(d.hint()).isEqualTo("known hosts: neuromancer, straylight, wintermute");
        });
    }

    @Test
    void vmTargetMayBeAUuid() {
        // its device hidden at boot already, so the host's hide change (of 0e:00.0) is not the VM's to take
        Plan plan = Planner.plan(Walkthrough.wintermuteOnly(),
                List.of(Walkthrough.wintermute().hidden("(0000:01:03.0)").reached()),
                PlanOptions.targets("wintermute/" + Walkthrough.WINDOWS));
        assertThat(plan.hosts().get(0).changes()).extracting(c -> c.kind().word()).containsExactly("assign", "pin");
    }
}
