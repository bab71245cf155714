package xenpt.format.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The journal reader: records with and without ids, and force-unlock records that are not applies. */
class JournalFileTest {

    static final String OLD = "{\"time\": \"2026-11-25T00:47:00Z\", \"plan_id\": \"p1\", \"commit\": \"abc\","
            + " \"desired_digest\": \"d\", \"result\": \"applied\", \"changes\": [], \"error\": null}";
    static final String NEW = "{\"id\": \"e-2\", \"time\": \"2026-11-26T00:00:00Z\", \"plan_id\": \"p2\", \"commit\": null,"
            + " \"desired_digest\": \"d\", \"result\": \"interrupted\", \"changes\": [],"
            + " \"error\": \"wintermute: interrupted at lock\"}";
    static final String UNLOCKED = "{\"id\": \"e-3\", \"time\": \"2026-11-27T00:00:00Z\", \"plan_id\": \"p2\","
            + " \"commit\": null, \"desired_digest\": \"\", \"result\": \"force-unlocked\", \"changes\": [],"
            + " \"error\": null, \"note\": \"the host lock held by … was removed by root@laptop\"}";

    @Test
    void aRecordWithoutIdStillReads() {
        assertThat(JournalFile.last(OLD + "\n")).contains(new JournalEntry("", Instant.parse("2026-11-25T00:47:00Z"), "p1",
                Optional.of("abc"), "applied"));
    }

    @Test
    void idsAreThoseOfTheRecordsThatHaveOne() {
        assertThat(JournalFile.ids(OLD + "\n" + NEW + "\n" + UNLOCKED + "\ntorn {\n")).containsExactlyInAnyOrder("e-2", "e-3");
    }

    @Test
    void theLastApplyPassesOverAForceUnlockRecord() {
        JournalEntry last = JournalFile.last(OLD + "\n" + NEW + "\n" + UNLOCKED + "\n").orElseThrow();
        assertThat(last.id()).isEqualTo("e-2");
        assertThat(last.result()).isEqualTo("interrupted");
    }

    @Test
    void aRebootTraceIsReadBackWholeIsNoApplyAndIsUnfinishedUntilItsLastStage() {
        RebootTrace t = new RebootTrace("t-1", "2026-11-28T00:00:00Z", "p3", RebootTrace.Stage.STARTED, "boot-1", false,
                true, java.util.List.of(), java.util.List.of());
        RebootTrace down = t.withHostDisabled(true).withVms(java.util.List.of(new RebootTrace.TracedVm("v-1", "db")),
                java.util.List.of(new RebootTrace.TracedVm("v-2", "web"))).at(RebootTrace.Stage.REBOOTING, "t-2",
                "2026-11-28T00:01:00Z");
        String text = NEW + "\n" + JournalFile.appended(t.toJson() + "\n", down).orElseThrow();
        assertThat(JournalFile.unfinishedReboot(text)).contains(down);
        assertThat(JournalFile.last(text).orElseThrow().id()).as("a trace is not an apply").isEqualTo("e-2");
        assertThat(JournalFile.ids(text)).contains("t-1", "t-2");
        assertThat(JournalFile.appended(text, down)).as("appended once").isEmpty();
        String done = text + down.at(RebootTrace.Stage.FINISHED, "t-3", "2026-11-28T00:02:00Z").toJson() + "\n";
        assertThat(JournalFile.unfinishedReboot(done)).isEmpty();
        assertThat(JournalFile.unfinishedReboot(NEW + "\n")).isEmpty();
    }
}
