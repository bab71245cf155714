package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.engine.Shard;

/** {@code apply --shard K/N}: each CI matrix job applies its own part of the fleet; together they converge it. */
class ApplyShardIT {

    @TempDir
    Path dir;

    @Test
    void shardsApplyDisjointPartsThatTogetherConvergeTheFleet() throws Exception {
        List<String> hosts = List.of("wintermute", "xs65", "xs71-uefi", "xcpng82");
        StringBuilder yaml = new StringBuilder("version: 1\nhosts:\n");
        for (String h : hosts) yaml.append("  ").append(h).append(":\n    address: sim:").append(h).append("\n    hide: []\n");
        // wintermute and xs65 both have a 0e:00.0 NIC or 01:03.0 VGA; give each host something to hide.
        String file = yaml.toString()
                .replace("sim:wintermute\n    hide: []", "sim:wintermute\n    hide: [0e:00.0]")
                .replace("sim:xs65\n    hide: []", "sim:xs65\n    hide: [01:03.0]")
                .replace("sim:xs71-uefi\n    hide: []", "sim:xs71-uefi\n    hide: [0b:00.0, 0b:00.1]")
                .replace("sim:xcpng82\n    hide: []", "sim:xcpng82\n    hide: [01:00.0, 01:00.1, 01:00.2, 01:00.3]");
        Path desired = dir.resolve("fleet.yaml");
        Files.writeString(desired, file);

        for (int k = 1; k <= 2; k++) {
            Shard shard = Shard.parse(k + "/2");
            assertThat(hosts).as("shard %s is not empty", shard).anyMatch(shard::holds);
            Cli.Result r = Cli.run(dir, "apply", "--auto-approve", "--shard", shard.toString(), "-f", desired.toString());
            assertThat(r.exit()).as(r.toString()).isZero();
            for (String h : hosts) {
                if (shard.holds(h)) assertThat(r.out()).as(r.toString()).contains(h + " (sim:" + h + "): applied");
                else assertThat(r.out()).doesNotContain(h + " (sim:");
            }
        }
        Cli.Result plan = Cli.run(dir, "plan", "--detailed-exitcode", "-f", desired.toString());
        assertThat(plan.exit()).as(plan.toString()).isZero();

        Cli.Result saved = Cli.run(dir, "apply", "--shard", "1/2", "plan.json", "-f", desired.toString());
        assertThat(saved.exit()).isEqualTo(1);
        assertThat(saved.err()).contains("--shard when making it");
    }
}
