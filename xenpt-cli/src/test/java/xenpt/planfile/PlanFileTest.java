package xenpt.planfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import xenpt.desired.DesiredState;
import xenpt.desired.HostSpec;
import xenpt.desired.SshSettings;
import xenpt.plan.Fixtures;
import xenpt.plan.Plan;
import xenpt.plan.PlanOptions;
import xenpt.plan.Planner;
import xenpt.plan.Walkthrough;
import xenpt.render.PlanJson;

/** The saved-plan format: what it keeps, that it reads back whole, and that an edit is detected. */
class PlanFileTest {

    static SavedPlan walkthrough() {
        DesiredState d = Fixtures.desired(Walkthrough.wintermuteDesired());
        Plan plan = Planner.plan(d, List.of(Walkthrough.wintermute().reached()), PlanOptions.ALL);
        HostSpec h = d.hosts().get(0);
        HostSpec withSsh = new HostSpec(h.name(), h.address(),
                new SshSettings("admin", 2222, "/etc/xenpt/id_ed25519", "~/.ssh/known_hosts", "SHA256:abc", "XS_PASSWORD"),
                h.method(), h.policy(), h.hide(), h.vms(), h.location());
        return new SavedPlan(plan, List.of(withSsh), Optional.of("/var/lib/xenpt/sim"));
    }

    @Test
    void aSavedPlanReadsBackWithItsHostsSettingsAndDesiredState() throws Exception {
        SavedPlan saved = walkthrough();
        SavedPlan back = PlanFile.read(PlanFile.write(saved));
        assertThat(PlanJson.write(back.plan())).isEqualTo(PlanJson.write(saved.plan()));
        HostSpec h = back.hosts().get(0);
        HostSpec was = saved.hosts().get(0);
        assertThat(h.ssh()).isEqualTo(was.ssh());
        assertThat(h.policy()).isEqualTo(was.policy());
        assertThat(h.method()).isEqualTo(was.method());
        assertThat(h.hide().orElseThrow()).extracting(e -> e.address() + " " + e.id())
                .containsExactly("0000:0e:00.0 Optional.empty", "0000:01:03.0 Optional[1002:515e]"); // file order
        assertThat(h.vms()).extracting(v -> v.name() + " " + v.uuid().orElseThrow() + " " + v.pci())
                .containsExactly("Windows Server 2012 R2 " + Walkthrough.WINDOWS + " [0000:01:03.0]");
        assertThat(back.simDir()).contains("/var/lib/xenpt/sim");
        assertThat(back.hostsWithoutSettings()).isEmpty();
        assertThat(back.desired().digest()).isEqualTo(saved.plan().desiredDigest());
    }

    @Test
    void itKeepsThePasswordVariablesNameAndThePlanJsonThatShowReads() {
        String text = PlanFile.write(walkthrough());
        JSONObject o = new JSONObject(text);
        assertThat(o.getString("format_version")).isEqualTo("1");
        assertThat(o.getString("digest")).startsWith("sha256:").isEqualTo(Digest.of(xenpt.json.JsonObject.parse(text)));
        JSONObject ssh = o.getJSONObject("saved_plan").getJSONArray("hosts").getJSONObject(0).getJSONObject("ssh");
        assertThat(ssh.getString("password_env")).isEqualTo("XS_PASSWORD");
        assertThat(PlanJson.read(text).planId()).isEqualTo(walkthrough().plan().planId());
    }

    @Test
    void anyEditIsDetectedEvenOneThatKeepsTheJsonValid() {
        JSONObject o = new JSONObject(PlanFile.write(walkthrough()));
        o.getJSONObject("saved_plan").getJSONArray("hosts").getJSONObject(0).getJSONObject("policy").put("reboot", "auto");
        assertThatThrownBy(() -> PlanFile.read(o.toString())).isInstanceOf(PlanFileException.class)
                .hasMessageContaining("the plan was modified after it was saved");
        o.remove("digest");
        assertThatThrownBy(() -> PlanFile.read(o.toString())).hasMessageContaining("the plan has no digest");
    }

    @Test
    void keyOrderAndWhiteSpaceDoNotChangeTheDigest() throws Exception {
        String text = PlanFile.write(walkthrough());
        String compact = new JSONObject(text).toString(); // keys reordered, no white space
        assertThat(compact).isNotEqualTo(text);
        assertThat(PlanFile.read(compact).plan().planId()).isEqualTo(walkthrough().plan().planId());
    }
}
