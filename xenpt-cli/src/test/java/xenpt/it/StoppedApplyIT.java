package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.sim.SimulatedHost;

/** A cancelled CI job (SIGTERM mid-apply) still leaves a journal record and no host lock behind. */
class StoppedApplyIT {

    @TempDir
    Path dir;

    @Test
    void anApplyStoppedBySigtermWritesItsJournalAndReleasesTheLock() throws Exception {
        Path desired = dir.resolve("desired.yaml");
        Files.writeString(desired, """
                version: 1
                hosts:
                  wintermute:
                    address: sim:wintermute
                    hide: [0e:00.0, 01:03.0]
                    vms:
                      Windows Server 2012 R2:
                        pci: [01:03.0]
                """);
        Path state = dir.resolve("wintermute");
        try (SimulatedHost sim = SimulatedHost.start("wintermute", state)) {
            sim.faults().latency(150); // slow enough to be stopped between two steps
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "xenpt.cli.Main",
                "apply", "--auto-approve", "-f", desired.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .directory(dir.toFile());
        builder.environment().put("XENPT_SIM_DIR", dir.toString());
        builder.environment().put("HOME", dir.toString());
        Process xenpt = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(xenpt.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                lines.add(line);
                if (line.contains("lock: done")) {
                    xenpt.toHandle().destroy(); // SIGTERM, as a CI runner cancelling the job (streams stay open)
                }
            }
        }
        assertThat(xenpt.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).as(String.join("\n", lines)).anyMatch(l -> l.contains("lock: done"))
                .anyMatch(l -> l.startsWith("xenpt: stopping: each host stops at its step"))
                .anyMatch(l -> l.contains(": interrupted at "));
        assertThat(state.resolve("root/var/lock/xenpt.lock")).as(String.join("\n", lines)).doesNotExist();
        Path journal = state.resolve("root/var/log/xenpt/journal.jsonl");
        assertThat(journal).exists();
        assertThat(Files.readString(journal)).containsPattern("\"result\":\\s*\"interrupted\"")
                .containsPattern("\"error\":\\s*\"wintermute: interrupted at [a-z]");
    }
}
