package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.sim.SimulatedHost;

/**
 * An apply interrupted at each of its writing steps — the command fails, or the connection drops before it answers —
 * leaves the boot file whole (exactly the old or exactly the new content), reports the failure with exit 1, and the
 * next apply converges (SPEC §9 "Reliability").
 */
class InterruptedApplyIT {

    /** Every command of an apply that changes something on the host, as the simulator sees them. */
    static final String WRITES = "^(mkdir|rmdir|rm|cp|mv|reboot|xe vm-param-set|xe vm-param-remove|sftp-write|sftp-rename)\\b";

    static final String DESIRED = """
            version: 1
            hosts:
              wintermute:
                address: sim:wintermute
                hide: [0e:00.0, 01:03.0]
                vms:
                  Windows Server 2012 R2:
                    pci: [01:03.0]
            """;

    @TempDir
    Path dir;

    @Test
    void interruptedAtEveryWritingStepTheFileIsWholeAndTheNextApplyConverges() throws Exception {
        Path file = dir.resolve("desired.yaml");
        Files.writeString(file, DESIRED);
        Path reference = dir.resolve("reference");
        assertThat(Cli.run(reference, "apply", "--auto-approve", "-f", file.toString()).exit()).isZero();
        String newGrub = grub(reference);
        Cli.run(dir.resolve("pristine"), "inspect", "--address", "sim:wintermute");
        String oldGrub = grub(dir.resolve("pristine"));
        assertThat(newGrub).isNotEqualTo(oldGrub);

        List<String> exercised = new ArrayList<>();
        for (String effect : List.of("fail", "drop")) {
            for (int step = 1; step < 40; step++) {
                Path sims = dir.resolve(effect + "-" + step);
                Cli.run(sims, "inspect", "--address", "sim:wintermute");
                try (SimulatedHost sim = SimulatedHost.start("wintermute", sims.resolve("wintermute"))) {
                    if (effect.equals("fail")) sim.faults().failAt(WRITES, step, "simulated failure");
                    else sim.faults().dropAt(WRITES, step);
                }
                Cli.Result interrupted = Cli.run(sims, "apply", "--auto-approve", "--lock-timeout", "1s", "-f", file.toString());
                if (!fired(sims)) {
                    assertThat(interrupted.exit()).as(interrupted.toString()).isZero();
                    break;
                }
                exercised.add(effect + " at write " + step);
                assertThat(grub(sims)).as("boot file after %s at write %d", effect, step).isIn(oldGrub, newGrub);
                if (interrupted.exit() == 0) {
                    // Bookkeeping steps (journal, unlock) retry once on a new connection; then the apply is complete.
                    assertThat(interrupted.out()).as(interrupted.toString()).contains("Apply complete");
                } else {
                    assertThat(interrupted.exit()).isEqualTo(1);
                    assertThat(interrupted.out() + interrupted.err()).containsIgnoringCase("fail");
                }
                converge(sims, file, effect + " at write " + step);
            }
        }
        // lock, owner, backup, temporary file, rename, assign, pin, journal (3 steps), unlock (2 steps)
        assertThat(exercised).hasSizeGreaterThanOrEqualTo(2 * 10);
    }

    @Test
    void aFullBootDiskFailsTheApplyAndLeavesTheOldFile() throws Exception {
        Path file = dir.resolve("desired.yaml");
        Files.writeString(file, DESIRED);
        Cli.run(dir, "inspect", "--address", "sim:wintermute");
        String oldGrub = grub(dir);
        try (SimulatedHost sim = SimulatedHost.start("wintermute", dir.resolve("wintermute"))) {
            sim.faults().bootDiskFull(true);
        }
        Cli.Result r = Cli.run(dir, "apply", "--auto-approve", "-f", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("No space left on device");
        assertThat(grub(dir)).isEqualTo(oldGrub);
        converge(dir, file, "disk full");
    }

    /** Clears the faults and applies again: it converges, and no lock is left. */
    private void converge(Path sims, Path file, String what) throws Exception {
        try (SimulatedHost sim = SimulatedHost.start("wintermute", sims.resolve("wintermute"))) {
            sim.faults().clear();
        }
        // No lock is ever left for a human to remove (issue 11): the next apply needs no help.
        Cli.Result again = Cli.run(sims, "apply", "--auto-approve", "--lock-timeout", "1s", "-f", file.toString());
        assertThat(again.exit()).as("second apply after " + what + ": " + again).isZero();
        assertThat(sims.resolve("wintermute/root/var/lock/xenpt.lock")).as(what).doesNotExist();
        Cli.Result plan = Cli.run(sims, "plan", "--detailed-exitcode", "-f", file.toString());
        assertThat(plan.exit()).as("plan after " + what + ": " + plan).isZero();
    }

    private static boolean fired(Path sims) throws Exception {
        Path faults = sims.resolve("wintermute/faults.json");
        if (!Files.exists(faults)) return false;
        JSONObject rule = new JSONObject(Files.readString(faults)).getJSONArray("rules").getJSONObject(0);
        return rule.getInt("seen") >= rule.getInt("nth");
    }

    private static String grub(Path sims) throws Exception {
        return Files.readString(sims.resolve("wintermute/root/boot/grub/grub.cfg"));
    }
}
