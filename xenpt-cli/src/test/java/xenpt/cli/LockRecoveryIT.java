package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static xenpt.cli.ApplyFixture.windowsPci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each lock and journal fault of issue 11 is recovered without a human: the apply goes on or the next one converges,
 * no lock remains, the journal has no duplicate record; {@code force-unlock} removes only the lock it showed.
 */
class LockRecoveryIT {

    @TempDir
    Path tmp;

    ApplyFixture f;
    Path give;

    @BeforeEach
    void setUp() throws Exception {
        f = new ApplyFixture(tmp).scenario(ApplyFixture::vgaHidden);
        give = f.desired("", windowsPci("[01:03.0]"));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "drop-after, ^mv -T /var/lock/xenpt.lock.tmp",          // the lock is taken, its answer lost
        "drop, ^mv -T /var/lock/xenpt.lock.tmp",
        "fail, ^mv -T /var/lock/xenpt.lock /var/lock/xenpt.lock.released",   // the release's rename
        "drop, ^mv -T /var/lock/xenpt.lock /var/lock/xenpt.lock.released",
        "drop-after, ^mv -T /var/lock/xenpt.lock /var/lock/xenpt.lock.released",
        "fail, ^rm -rf /var/lock/xenpt.lock.released",          // removal of the renamed lock
        "drop, ^cat /var/lock/xenpt.lock/owner",
        "drop-after, ^mv -f /var/log/xenpt/.journal",           // the journal's rename done, its answer lost
        "fail, ^mv -f /var/log/xenpt/.journal",
    })
    void aLockOrJournalFaultLeavesNoLockNoDuplicateAndTheNextApplyConverges(String effect, String command)
            throws Exception {
        switch (effect) {
            case "fail" -> f.sim().faults().failAt(command, 1, "simulated failure");
            case "drop" -> f.sim().faults().dropAt(command, 1);
            default -> f.sim().faults().dropAfter(command, 1);
        }
        int exit = f.run("apply", "-f", give.toString(), "--auto-approve", "--lock-timeout", "1s", "--poll-interval",
                "100ms");
        assertThat(f.sim().faults().seen(0)).as("the fault fired").isGreaterThanOrEqualTo(1);
        assertThat(f.lockHeld()).as(f.output()).isFalse();
        assertThat(f.sh("ls", "-a", "/var/lock").stdout().lines().filter(l -> l.startsWith("xenpt"))).isEmpty();
        assertThat(exit).as(f.output()).isZero(); // each is recovered within the apply itself
        assertThat(ids(f.journal())).as("journal").doesNotHaveDuplicates().hasSize(1);

        f.sim().faults().clear();
        assertThat(f.run("apply", "-f", give.toString(), "--auto-approve", "--lock-timeout", "0")).as(f.output()).isZero();
        assertThat(f.run("plan", "-f", give.toString(), "--detailed-exitcode")).as(f.output()).isZero();
        assertThat(f.lockHeld()).isFalse();
    }

    private static List<String> ids(List<String> journal) {
        return journal.stream().map(l -> new JSONObject(l).getString("id")).toList();
    }

    /** A lock as a dead apply of this boot leaves it: owner file with lock id L1 and the host's boot id. */
    private void deadApplysLock() throws Exception {
        String boot = f.sh("cat", "/proc/sys/kernel/random/boot_id").stdout().strip();
        assertThat(f.sh("mkdir", "/var/lock/xenpt.lock").ok()).isTrue();
        f.write("/var/lock/xenpt.lock/owner", "{\"lock_id\": \"L1\", \"owner\": \"ci@runner-7\", \"pid\": 4242,"
                + " \"time\": \"2026-11-25T00:48:00Z\", \"plan_id\": \"p-7\", \"boot_id\": \"" + boot + "\"}\n");
    }

    @Test
    void theHintOfABlockedApplyWorksWhenCopiedAndForceUnlockRemovesOnlyThatLockAndJournalsIt() throws Exception {
        deadApplysLock();
        assertThat(f.run("apply", "-f", give.toString(), "--auto-approve", "--lock-timeout", "0")).isEqualTo(1);
        String out = f.out() + f.err();
        assertThat(out).contains("is held by ci@runner-7 (pid 4242) since 2026-11-25T00:48:00Z for plan p-7, lock id L1");
        String hint = out.substring(out.indexOf("remove the lock with: ") + "remove the lock with: ".length());
        hint = hint.substring(0, hint.indexOf(')'));
        List<String> argv = new ArrayList<>(Arrays.asList(hint.split(" ")));
        assertThat(argv.remove(0)).isEqualTo("xenpt");
        assertThat(argv).containsSubsequence("--lock-id", "L1");

        // without a terminal and without --force: refused, nothing removed
        assertThat(f.run(argv.toArray(String[]::new))).isEqualTo(1);
        assertThat(f.err()).contains("held by ci@runner-7", "standard input is not a terminal; pass --force",
                "Nothing was removed.");
        assertThat(f.lockHeld()).isTrue();

        // another lock id: refused
        assertThat(f.run("force-unlock", "wintermute", "-f", give.toString(), "--lock-id", "L2", "--force")).isEqualTo(1);
        assertThat(f.err()).contains("the held lock's id is L1, not L2; nothing was removed");
        assertThat(f.lockHeld()).isTrue();

        // on a terminal, anything but yes: refused
        assertThat(f.run(ApplyFixture.terminal("y\n"), argv.toArray(String[]::new))).isEqualTo(1);
        assertThat(f.lockHeld()).isTrue();

        assertThat(f.run(ApplyFixture.terminal("yes\n"), argv.toArray(String[]::new))).as(f.output()).isZero();
        assertThat(f.out()).contains("wintermute: removed the host lock held by ci@runner-7 (pid 4242)");
        assertThat(f.lockHeld()).isFalse();
        JSONObject record = new JSONObject(f.journal().get(f.journal().size() - 1));
        assertThat(record.getString("result")).isEqualTo("force-unlocked");
        assertThat(record.getString("note")).contains("lock id L1", "removed by tester@testbox");

        assertThat(f.run("apply", "-f", give.toString(), "--auto-approve", "--lock-timeout", "0")).as(f.output()).isZero();
    }

    @Test
    void forceUnlockWithForceRemovesALockWithoutOwnerFileAndSaysSoWhenNoLockIsHeld() throws Exception {
        assertThat(f.run("force-unlock", "wintermute", "-f", give.toString(), "--force")).isZero();
        assertThat(f.err()).contains("no host lock is held");
        assertThat(f.sh("mkdir", "/var/lock/xenpt.lock").ok()).isTrue();
        assertThat(f.run("force-unlock", "wintermute", "-f", give.toString(), "--force")).as(f.output()).isZero();
        assertThat(f.err()).contains("an unknown holder (no owner file");
        assertThat(f.lockHeld()).isFalse();
    }
}
