package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static xenpt.cli.ApplyFixture.HOST_UUID;
import static xenpt.cli.ApplyFixture.WINDOWS;
import static xenpt.cli.ApplyFixture.windowsPci;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply -o json} prints one JSON document on stdout on every path (no changes, refused, failed, applied), and
 * an apply under manual policies lists what is left to do with commands that work when run as printed.
 */
class ApplyOutcomesIT {

    @TempDir
    Path tmp;

    ApplyFixture f;

    @AfterEach
    void stop() {
        if (f != null) f.close();
    }

    private JSONObject json() {
        assertThat(f.out()).as(f.output()).startsWith("{");
        return new JSONObject(f.out());
    }

    @Test
    void noChangesIsADocumentWithOutcomeNoChanges() throws Exception {
        f = new ApplyFixture(tmp).scenario(s -> s);
        Path nothing = f.desired("", "");
        assertThat(f.run("-o", "json", "apply", "-f", nothing.toString(), "--auto-approve")).as(f.output()).isZero();
        JSONObject j = json();
        assertThat(j.getString("outcome")).isEqualTo("no-changes");
        assertThat(j.getBoolean("failed")).isFalse();
        assertThat(j.getJSONArray("hosts").getJSONObject(0).getString("result")).isEqualTo("unchanged");
        assertThat(j.getJSONArray("next_steps").isEmpty()).isTrue();
    }

    @Test
    void everyRefusalIsADocumentWithOutcomeRefusedAndItsReason() throws Exception {
        f = new ApplyFixture(tmp).scenario(ApplyFixture::vgaHidden);
        Path invalid = f.desired("version: 1\nhosts: 5\n");
        assertThat(f.run("-o", "json", "apply", "-f", invalid.toString(), "--auto-approve")).isEqualTo(1);
        assertThat(json().getString("reason")).isEqualTo("the desired state is invalid");

        Path management = f.desired("version: 1\nhosts:\n  wintermute:\n    address: sim:wintermute\n    hide: [0d:00.0]\n");
        assertThat(f.run("-o", "json", "apply", "-f", management.toString(), "--auto-approve")).isEqualTo(1);
        assertThat(json().getString("outcome")).isEqualTo("refused");
        assertThat(json().getString("reason")).isEqualTo("the plan failed");

        Path give = f.desired("", windowsPci("[01:03.0]"));
        assertThat(f.run("-o", "json", "apply", "-f", give.toString())).isEqualTo(1);
        assertThat(json().getString("reason")).isEqualTo("the apply was not confirmed");
        assertThat(json().getBoolean("failed")).isTrue();

        Path saved = tmp.resolve("plan.json");
        assertThat(f.run("plan", "-f", give.toString(), "--out", saved.toString())).as(f.output()).isZero();
        f.sh("xe", "vm-param-set", "uuid=" + WINDOWS, "other-config:pci=0/0000:0e:00.0");
        assertThat(f.run("-o", "json", "apply", saved.toString(), "-f", give.toString())).isEqualTo(1);
        assertThat(json().getString("outcome")).isEqualTo("refused");
        assertThat(json().getString("reason")).contains("plan.json");
        assertThat(f.err()).contains("stale");
        assertThat(f.pci(WINDOWS)).contains("0/0000:0e:00.0");
    }

    @Test
    void aFailedApplyIsADocumentWithOutcomeFailed() throws Exception {
        f = new ApplyFixture(tmp).scenario(ApplyFixture::vgaHidden);
        f.sim().faults().failAt("xe vm-param-set .*other-config:pci", 1, "The uuid you supplied was invalid.");
        Path give = f.desired("", windowsPci("[01:03.0]"));
        assertThat(f.run("-o", "json", "apply", "-f", give.toString(), "--auto-approve")).isEqualTo(1);
        JSONObject j = json();
        assertThat(j.getString("outcome")).isEqualTo("failed");
        assertThat(j.getJSONArray("hosts").getJSONObject(0).getString("result")).isEqualTo("failed");
        assertThat(j.getJSONArray("next_steps").isEmpty()).as("a failed host needs apply again, not a next step").isTrue();
    }

    @Test
    void manualVmRestartListsTheHaltAndStartWhoseCommandsWorkOnTheHost() throws Exception {
        f = new ApplyFixture(tmp).scenario(ApplyFixture::vgaHidden);
        Path give = f.desired("", windowsPci("[01:03.0]"));
        assertThat(f.run("-o", "json", "apply", "-f", give.toString(), "--auto-approve")).as(f.output()).isZero();
        JSONObject j = json();
        assertThat(j.getString("outcome")).isEqualTo("applied");
        JSONArray steps = j.getJSONArray("next_steps");
        assertThat(steps.length()).isEqualTo(1);
        JSONObject restart = steps.getJSONObject(0);
        assertThat(restart.getString("kind")).isEqualTo("restart-vm");
        assertThat(restart.getString("host")).isEqualTo("wintermute");
        assertThat(restart.getString("vm_uuid")).isEqualTo(WINDOWS);
        assertThat(restart.getString("vm_name")).isEqualTo("Windows Server 2012 R2");
        assertThat(restart.getJSONArray("commands").toList()).containsExactly("xe vm-shutdown uuid=" + WINDOWS,
                "xe vm-start uuid=" + WINDOWS + " on=" + HOST_UUID);
        assertThat(restart.getJSONArray("ssh").isEmpty()).as("a simulated host has no address for ssh").isTrue();

        assertThat(f.run("apply", "-f", give.toString(), "--auto-approve")).isZero();
        for (Object command : restart.getJSONArray("commands")) {
            var r = f.sh(command.toString().split(" "));
            assertThat(r.ok()).as(command + ": " + r.stderr()).isTrue();
        }
        assertThat(f.param(WINDOWS, "power-state")).isEqualTo("running");
        assertThat(f.journal()).hasSize(1);
    }

    /**
     * A host reached by address: the printed {@code ssh …} lines are run as printed by the system's OpenSSH client (when
     * there is one; otherwise the host commands over xenpt's own SSH), and the host converges: rebooted with the new
     * hide list in effect, the VM running with its device.
     */
    @Test
    void manualRebootAndVmRestartAreListedWithSshCommandsThatWorkAsPrinted() throws Exception {
        f = new ApplyFixture(tmp).scenario(s -> s);
        var sim = f.sim();
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "[" + sim.address() + "]:" + sim.port() + " "
                + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(sim.hostKey()) + "\n");
        Path desired = f.desired("version: 1\nhosts:\n  wintermute:\n    address: " + sim.address() + "\n"
                + "    ssh:\n      port: " + sim.port() + "\n      identityFile: \"" + sim.clientKeyFile() + "\"\n"
                + "      knownHosts: \"" + knownHosts + "\"\n"
                + "    hide: [01:03.0]\n    vms:\n" + windowsPci("[01:03.0]"));
        assertThat(f.run("apply", "-f", desired.toString(), "--auto-approve")).as(f.output()).isZero();
        String prefix = "ssh -p " + sim.port() + " -i " + sim.clientKeyFile() + " -o UserKnownHostsFile=" + knownHosts
                + " root@" + sim.address() + " ";
        List<String> lines = List.of(prefix + "reboot", prefix + "'xe vm-start uuid=" + WINDOWS + " on=" + HOST_UUID + "'");
        assertThat(f.out()).contains("Next steps", "reboot wintermute so that its boot hide list takes effect",
                "after the reboot, start VM 'Windows Server 2012 R2'", "      " + lines.get(0) + "\n",
                "      " + lines.get(1) + "\n");

        for (String line : lines) {
            runAsPrinted(line, prefix);
            for (int i = 0; i < 100 && !sim.isUp(); i++) Thread.sleep(50);
        }
        assertThat(f.param(WINDOWS, "power-state")).isEqualTo("running");
        assertThat(f.run("-o", "json", "plan", "-f", desired.toString(), "--detailed-exitcode")).as(f.output()).isZero();
        JSONObject host = json().getJSONArray("hosts").getJSONObject(0);
        assertThat(host.getJSONArray("statuses").isEmpty()).as("no reboot pending any more").isTrue();
    }

    private void runAsPrinted(String line, String prefix) throws Exception {
        if (!sshClientPresent()) {
            String command = line.substring(prefix.length()).replace("'", "");
            try (var s = xenpt.it.SimShell.connect(f.sim())) {
                var r = s.run(new xenpt.transport.Command(List.of(command.split(" "))));
                assertThat(r.ok()).as(command + ": " + r.stderr()).isTrue();
            } catch (xenpt.transport.TransportException e) {
                assertThat(command).as("only the reboot may drop the connection: " + e).isEqualTo("reboot");
            }
            return;
        }
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", line).redirectErrorStream(true);
        pb.environment().remove("SSH_AUTH_SOCK");
        pb.environment().put("HOME", tmp.resolve("home").toString());
        Process p = pb.start();
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as(line).isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(line + "\n" + output).isZero();
    }

    private static boolean sshClientPresent() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "ssh"))) return true;
        }
        return false;
    }
}
