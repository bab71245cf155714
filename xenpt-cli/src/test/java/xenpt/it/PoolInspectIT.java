package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated pool "lab" (two members sharing one VM database, a GT 710 at 0b:00.0/.1 on each, a VM on each that
 * holds it and is pinned to its own member): inspect shows each host's own VM as the holder of its device, and plan
 * sees no device in two VMs across members.
 */
class PoolInspectIT {

    static final Path POOL = Path.of("examples/lab-pool.yaml");

    @TempDir
    Path dir;

    @Test
    void inspectShowsOnlyTheVmPlacedOnThatHostAsTheDevicesHolder() {
        Cli.Result a = Cli.run(dir, "inspect", "lab-a", "-f", POOL.toString());
        assertThat(a.exit()).as(a.toString()).isZero();
        assertThat(a.out()).containsPattern("0000:0b:00\\.0 .* yes +yes +render-a\n");
        Cli.Result b = Cli.run(dir, "inspect", "lab-b", "-f", POOL.toString());
        assertThat(b.exit()).as(b.toString()).isZero();
        assertThat(b.out()).containsPattern("0000:0b:00\\.0 .* yes +yes +render-b\n");
        // The pool role comes from xe pool-list on each member: one master, one member.
        assertThat(a.out()).contains("7d1e0c52-3a4b-4c6d-8e9f-0a1b2c3d4e5f (pool master)");
        assertThat(b.out()).contains("8e2f1d63-4b5c-4d7e-9fa0-1b2c3d4e5f60\n").doesNotContain("(pool master)");
        // Both VMs are in the pool's VM table that each member lists.
        assertThat(a.out()).contains("render-a", "render-b");
        assertThat(b.out()).contains("render-a", "render-b");

        Cli.Result json = Cli.run(dir, "-o", "json", "inspect", "lab-b", "-f", POOL.toString());
        JSONObject gpu = new JSONObject(json.out()).getJSONArray("devices").toList().stream()
                .map(d -> new JSONObject((java.util.Map<?, ?>) d))
                .filter(d -> d.getString("address").equals("0000:0b:00.1")).findFirst().orElseThrow();
        assertThat(gpu.getJSONArray("assigned_to").toList()).containsExactly("render-b");
    }

    @Test
    void planOfThePoolSeesEachDeviceInOneVmPerHost() throws Exception {
        Cli.Result plan = Cli.run(dir, "plan", "--no-color", "-f", POOL.toString(), "--detailed-exitcode");
        assertThat(plan.exit()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes. 2 hosts match the desired state.");
        assertThat(plan.out() + plan.err()).doesNotContain("assigned to 2 VMs", "not in the desired state", "warning");

        // One member alone in the file: the other member's VM, which uses its own host's 0b:00.0, is not a holder here.
        Path one = dir.resolve("lab-a-only.yaml");
        String text = Files.readString(POOL);
        Files.writeString(one, text.substring(0, text.indexOf("  lab-b:")));
        Cli.Result alone = Cli.run(dir, "plan", "--no-color", "-f", one.toString(), "--detailed-exitcode");
        assertThat(alone.exit()).as(alone.toString()).isZero();
        assertThat(alone.out() + alone.err()).doesNotContain("render-b");
    }
}
