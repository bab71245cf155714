package xenpt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xenpt.desired.DesiredState;
import xenpt.desired.HostSpec;
import xenpt.desired.SshSettings;
import xenpt.plan.Fixtures;
import xenpt.plan.Plan;
import xenpt.plan.PlanOptions;
import xenpt.plan.Planner;
import xenpt.plan.Walkthrough;
import xenpt.planfile.SavedPlan;

/** What {@code plan --out} records so that {@code apply FILE} works from another directory. */
class PlanFilesTest {

    private static DesiredState withSsh(String address, SshSettings ssh) {
        HostSpec h = Fixtures.desired(Walkthrough.wintermuteDesired()).hosts().get(0);
        return new DesiredState(List.of(new HostSpec(h.name(), address, ssh, h.method(), h.policy(), h.hide(), h.vms(),
                h.location())), "d1", java.util.Optional.empty());
    }

    private static SavedPlan saved(DesiredState d, Map<String, String> env) {
        Plan plan = Planner.plan(d, List.of(Walkthrough.wintermute().reached()), PlanOptions.ALL);
        return PlanFiles.saved(plan, d, env);
    }

    @Test
    void pathsRelativeToTheCurrentDirectoryBecomeAbsoluteAndHomePathsStay() {
        SshSettings ssh = new SshSettings("root", 22, "keys/id_ed25519", "~/.ssh/known_hosts", null, "XS_PASSWORD");
        SavedPlan s = saved(withSsh("192.0.2.10", ssh), Map.of());
        SshSettings kept = s.hosts().get(0).ssh();
        assertThat(kept.identityFile()).isEqualTo(Path.of("keys/id_ed25519").toAbsolutePath().toString());
        assertThat(kept.knownHosts()).isEqualTo("~/.ssh/known_hosts");
        assertThat(kept.passwordEnv()).isEqualTo("XS_PASSWORD");
        assertThat(s.simDir()).isEmpty();
    }

    @Test
    void simulatedHostsKeepTheAbsoluteStateDirectory() {
        SavedPlan relative = saved(withSsh("sim:wintermute", SshSettings.DEFAULT), Map.of());
        assertThat(relative.simDir()).contains(Path.of(".xenpt/sim").toAbsolutePath().toString());
        SavedPlan fromEnv = saved(withSsh("sim:wintermute", SshSettings.DEFAULT), Map.of("XENPT_SIM_DIR", "build/sims"));
        assertThat(fromEnv.simDir()).contains(Path.of("build/sims").toAbsolutePath().toString());
    }
}
