package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C or SIGTERM (an interruption of the applying thread, as {@code Interruptible}'s shutdown hook delivers it) at
 * each step of an apply leaves no lock behind and a journal record "interrupted at STEP", and the next apply converges.
 * The simulator holds the chosen command without an answer until the client gives up, so the interruption lands
 * while the apply waits in that step.
 */
class InterruptAtEveryStepIT {

    static final String DESIRED = """
            version: 1
            hosts:
              wintermute:
                address: sim:wintermute
                policy:
                  reboot: auto
                hide: [01:03.0, 0e:00.0]
                vms:
                  Windows Server 2012 R2:
                    pci: [01:03.0]
            """;

    @TempDir
    Path tmp;

    ApplyFixture f;
    Path desired;

    @BeforeEach
    void setUp() throws Exception {
        f = new ApplyFixture(tmp).scenario(y -> ApplyFixture.vgaHidden(y).replace("reboot-delay-ms: 200",
                "reboot-delay-ms: 1500"));
        desired = f.desired(DESIRED);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @ParameterizedTest(name = "interrupted at {0}")
    @CsvSource(delimiter = '|', value = {
        "lock        | ^mv -T /var/lock/xenpt.lock.tmp     | 1 | hang",
        "check plan  | ^lspci                              | 2 | hang",   // the first lspci is the plan's
        "hide        | ^cp -p /boot/grub/grub.cfg          | 1 | hang",   // the boot write's backup
        "assign      | ^xe vm-param-set .*other-config:pci | 1 | hang",
        "reboot      | ^reboot$                            | 1 | count",  // the host is away: the reboot wait
        // read by the plan, the check, the reboot (its observation before, the trace's stages started, vms-shut-down,
        // rebooting, back, its observation after, finished), then by the journal step
        "journal     | ^cat /var/log/xenpt/journal.jsonl   | 10 | hang",
    })
    void anInterruptionLeavesNoLockAndAJournalRecordSayingWhereAndTheNextApplyConverges(String step, String command,
            int nth, String how) throws Exception {
        if (how.equals("hang")) f.sim().faults().hangAt(command, nth);
        else f.sim().faults().failAt(command, 1000, "never: only counts");
        AtomicInteger exit = new AtomicInteger(-1);
        Thread apply = Thread.ofPlatform().start(() -> exit.set(f.run("apply", "-f", desired.toString(),
                "--auto-approve", "--poll-interval", "100ms", "--reboot-timeout", "30s")));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (f.sim().faults().seen(0) < nth && apply.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(f.sim().faults().seen(0)).as("reached the step; " + f.output()).isGreaterThanOrEqualTo(nth);
        Thread.sleep(how.equals("hang") ? 200 : 300);
        apply.interrupt();
        apply.join(25_000);
        assertThat(apply.isAlive()).as("the apply ended within the stop grace").isFalse();

        assertThat(exit.get()).as(f.output()).isEqualTo(1);
        assertThat(f.out()).contains("interrupted at " + step);
        assertThat(f.lockHeld()).as(f.output()).isFalse();
        assertThat(f.sh("ls", "-a", "/var/lock").stdout().lines().filter(l -> l.startsWith("xenpt"))).isEmpty();
        JSONObject last = new JSONObject(f.journal().get(f.journal().size() - 1));
        assertThat(last.getString("result")).as(f.output()).isEqualTo("interrupted");
        assertThat(last.getString("error")).startsWith("wintermute: interrupted at " + step);

        f.sim().faults().clear();
        assertThat(f.run("apply", "-f", desired.toString(), "--auto-approve", "--lock-timeout", "0",
                "--poll-interval", "100ms")).as(f.output()).isZero();
        assertThat(f.run("plan", "-f", desired.toString(), "--detailed-exitcode")).as(f.output()).isZero();
        assertThat(f.lockHeld()).isFalse();
    }
}
