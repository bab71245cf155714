package xenpt.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import xenpt.desired.PciAddress;
import xenpt.format.journal.JournalFile;
import xenpt.format.journal.JournalRecord;
import xenpt.format.lock.LockOwner;
import xenpt.observed.PowerState;
import xenpt.plan.Change;

public class ApplyValuesTest {

    public static final Change.Assign ASSIGN = new Change.Assign("wintermute", "22eb", "Windows \"2012\"", PowerState.RUNNING,
            Optional.empty(), Optional.of("0/0000:01:03.0"), "give it 0000:01:03.0");
    static final Change.Hide HIDE = new Change.Hide("wintermute", Optional.of("(0e:00.0)"),
            Set.of(PciAddress.parse("0e:00.0")), Set.of(), "release 0000:0e:00.0");

    @Test
    void durationsParseTheCommandLineFormsAndFormatBack() {
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> Durations.parse("2 minutes")).hasMessageContaining("e.g. 0, 500ms, 30s, 2m or 1h");
        assertThatThrownBy(() -> Durations.parse("-1s")).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(Duration.ZERO, Duration.ofMillis(1500), Duration.ofSeconds(1), Duration.ofSeconds(90),
                Duration.ofMinutes(10), Duration.ofHours(2)).stream().map(Durations::format))
                .containsExactly("0s", "1500ms", "1s", "90s", "10m", "2h");
    }

    @Test
    void lockOwnerFileRoundTripsAndNamesTheHolder() {
        LockOwner me = new LockOwner("9c1e", "root@ci-7", 4242, "2026-11-25T00:47:00Z", "3f2a", "b00t");
        assertThat(me.toJson()).isEqualTo("{\"lock_id\": \"9c1e\", \"owner\": \"root@ci-7\", \"pid\": 4242,"
                + " \"time\": \"2026-11-25T00:47:00Z\", \"plan_id\": \"3f2a\", \"boot_id\": \"b00t\"}\n");
        assertThat(LockOwner.parse(me.toJson())).contains(me);
        assertThat(me.describe()).isEqualTo("root@ci-7 (pid 4242) since 2026-11-25T00:47:00Z for plan 3f2a, lock id 9c1e");
        // an owner file of a xenpt before lock ids and boot ids still names its holder
        assertThat(LockOwner.parse("{\"owner\": \"x@y\", \"pid\": 1, \"time\": \"t\", \"plan_id\": \"p\"}"))
                .contains(new LockOwner("", "x@y", 1, "t", "p", ""));
        assertThat(me.fromEarlierBoot("b00t")).isFalse();
        assertThat(me.fromEarlierBoot("n3w")).isTrue();
        assertThat(me.withBootId("").fromEarlierBoot("n3w")).isFalse();
        assertThat(LockOwner.parse("held by bob")).isEmpty();
        assertThat(LockOwner.parse("{\"owner\": \"x\"}")).isEmpty();
    }

    @Test
    void journalEntryIsOneEscapedLineWithNullsForWhatIsUnknown() {
        JournalRecord e = new JournalRecord("e-1", "2026-11-25T00:47:00Z", "3f2a", Optional.empty(), "d1g", "failed",
                Journal.made(List.of(ASSIGN, HIDE)), Optional.of("wintermute: xe vm-param-set failed (exit 1): no\nway"), Optional.empty());
        String line = e.toJson();
        assertThat(line).doesNotContain("\n");
        JSONObject o = new JSONObject(line);
        assertThat(o.isNull("commit")).isTrue();
        assertThat(o.getString("result")).isEqualTo("failed");
        assertThat(o.getString("error")).endsWith("no\nway");
        JSONObject assign = o.getJSONArray("changes").getJSONObject(0);
        assertThat(assign.getString("target")).isEqualTo("wintermute/Windows \"2012\"");
        assertThat(assign.isNull("before")).isTrue();
        JSONObject hide = o.getJSONArray("changes").getJSONObject(1);
        assertThat(hide.getString("before")).isEqualTo("(0e:00.0)");
        assertThat(hide.isNull("after")).isTrue();
        assertThat(line).startsWith("{\"id\": \"e-1\", \"time\": \"2026-11-25T00:47:00Z\", \"plan_id\": \"3f2a\", \"commit\": null,");
        assertThat(JournalFile.ids("{\"time\": \"2026-11-25T00:47:00Z\"}\n" + line + "\n")).containsExactly("e-1");
    }

    @Test
    void optionsRejectNonsense() {
        assertThatThrownBy(() -> new ApplyOptions(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), "a", 1,
                java.time.Clock.systemUTC())).hasMessageContaining("parallelism");
        assertThatThrownBy(() -> new ApplyOptions(1, Duration.ofSeconds(-1), Duration.ZERO, Duration.ofSeconds(1), "a", 1,
                java.time.Clock.systemUTC())).hasMessageContaining("lockTimeout");
        assertThatThrownBy(() -> new ApplyOptions(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, "a", 1,
                java.time.Clock.systemUTC())).hasMessageContaining("pollInterval");
    }
}
