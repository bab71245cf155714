package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.desired.DesiredState;
import xenpt.desired.DesiredStateLoader;
import xenpt.desired.HostSpec;
import xenpt.desired.SourceFile;
import xenpt.engine.Shard;

class ShardTest {

    @TempDir
    Path dir;

    /** 50 hosts; unreachable on purpose (port 1 on loopback refuses at once), so a plan only lists them. */
    static String fleet(int n) {
        StringBuilder s = new StringBuilder("version: 1\nhosts:\n");
        for (int i = 1; i <= n; i++) {
            s.append("  host-").append(String.format("%03d", i)).append(":\n    address: 127.0.0.1\n    ssh: {port: 1}\n");
        }
        return s.toString();
    }

    static DesiredState state(int n) {
        return DesiredStateLoader.load(List.of(new SourceFile("fleet.yaml", fleet(n).getBytes(StandardCharsets.UTF_8))))
                .state().orElseThrow();
    }

    @Test
    void fourShardsCoverEveryHostExactlyOnce() {
        DesiredState all = state(50);
        Map<String, Integer> seen = new HashMap<>();
        List<Integer> sizes = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            DesiredState part = new Shard(k, 4).select(all);
            sizes.add(part.hosts().size());
            part.hosts().forEach(h -> seen.merge(h.name(), 1, Integer::sum));
            assertThat(part.digest()).isEqualTo(all.digest());
        }
        assertThat(seen).hasSize(50).allSatisfy((name, times) -> assertThat(times).as(name).isEqualTo(1));
        assertThat(sizes).as("no shard is empty for 50 hosts").allSatisfy(n -> assertThat(n).isPositive());
    }

    @Test
    void aHostsShardDependsOnItsNameOnly() {
        DesiredState small = state(10);
        DesiredState large = state(50);
        for (HostSpec h : small.hosts()) {
            assertThat(new Shard(Shard.partOf(h.name(), 4), 4).holds(h.name())).isTrue();
            assertThat(large.host(h.name())).isPresent();
            assertThat(Shard.partOf(h.name(), 4)).isBetween(1, 4);
        }
        // CRC-32 is fixed: these values never change between JVMs or releases
        assertThat(Shard.partOf("wintermute", 4)).isEqualTo((int) (crc("wintermute") % 4) + 1);
        assertThat(new Shard(1, 1).select(small).hosts()).hasSize(10);
    }

    private static long crc(String s) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }

    @Test
    void badShardsAreRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> Shard.parse("0/4")).hasMessageContaining("K between 1 and N");
        assertThatThrownBy(() -> Shard.parse("5/4")).hasMessageContaining("K between 1 and N");
        assertThatThrownBy(() -> Shard.parse("1/0")).hasMessageContaining("N >= 1");
        assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("expects K/N");
        assertThat(Shard.parse(" 2/4 ")).isEqualTo(new Shard(2, 4));
    }

    @Test
    void planWithAShardObservesAndListsOnlyThatShardsHosts() throws Exception {
        Path file = Files.writeString(dir.resolve("fleet.yaml"), fleet(12));
        List<String> expected = new Shard(3, 4).select(state(12)).hosts().stream().map(HostSpec::name).toList();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = JsonContract.run(new PrintWriter(out), new PrintWriter(err), Map.of("HOME", dir.toString()),
                "plan", "-f", file.toString(), "--shard", "3/4", "-o", "json");
        assertThat(code).as("unreachable hosts fail the plan").isEqualTo(ExitCode.ERROR);
        org.json.JSONArray hosts = new org.json.JSONObject(out.toString()).getJSONArray("hosts");
        List<String> planned = new ArrayList<>();
        for (int i = 0; i < hosts.length(); i++) planned.add(hosts.getJSONObject(i).getString("name"));
        assertThat(planned).isEqualTo(expected).isNotEmpty().hasSizeLessThan(12);
        assertThat(err.toString()).contains("shard 3/4: " + expected.size() + " of 12 hosts");

        StringWriter err2 = new StringWriter();
        int bad = JsonContract.run(new PrintWriter(new StringWriter()), new PrintWriter(err2), Map.of(), "drift", "-f", file.toString(), "--shard", "5/4");
        assertThat(bad).isEqualTo(ExitCode.ERROR);
        assertThat(err2.toString()).contains("--shard K/N needs K between 1 and N, got 5/4");
    }
}
