package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static xenpt.cli.ApplyFixture.HOST_UUID;
import static xenpt.cli.ApplyFixture.WINDOWS;
import static xenpt.cli.ApplyFixture.XOA;

import java.nio.file.Path;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reboot: auto} done as a careful operator does it (SPEC §5 step 5–6), over SSH to simulated hosts: in a pool
 * the VM without devices is migrated to the other member and the VM with passthrough is shut down and started again on
 * its own host; a standalone host shuts down and starts again every VM, and a guest that ignores a clean shutdown
 * stops the reboot unless {@code --force-shutdown}; an interrupted reboot is finished by the next apply; a pool with
 * HA enabled is refused; under {@code vmRestart: manual} the VMs left halted are next steps that work as printed.
 */
class RebootOrchestrationIT {

    static final String HOST_A = "7d1e0c52-3a4b-4c6d-8e9f-0a1b2c3d4e5f";
    static final String HOST_B = "8e2f1d63-4b5c-4d7e-9fa0-1b2c3d4e5f60";
    static final String RENDER_A = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String WEB = "3d4e5f60-7182-4d9e-8fa0-2b3c4d5e6f70";
    static final String HIDE = " xen-pciback.hide=(0000:0b:00.0)(0000:0b:00.1)";
    static final String RUN = "--poll-interval";

    @TempDir
    Path tmp;

    ApplyFixture f;

    @AfterEach
    void tearDown() {
        if (f != null) f.close();
    }

    /** lab-a booted without the GT 710 hidden (render-a took it from dom0 at start) and with a VM "web" without devices. */
    static String labA(String yaml, String poolExtra, String webExtra) {
        return yaml.replace(HIDE, "").replace("  members: [lab-a, lab-b]\n", "  members: [lab-a, lab-b]\n" + poolExtra)
                + "  - uuid: " + WEB + "\n    name-label: web\n    power-state: running\n    memory-mib: \"1024\"\n"
                + "    vcpus: \"1\"\n" + webExtra;
    }

    static String labDesired(String policy) {
        return "version: 1\nhosts:\n  lab-a:\n    address: sim:lab-a\n    policy:\n" + policy
                + "    hide: [0b:00.0, 0b:00.1]\n    vms:\n      render-a:\n        pci: [0b:00.0, 0b:00.1]\n";
    }

    int apply(Path desired, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("apply", "-f", desired.toString(), "--auto-approve", RUN,
                "100ms"));
        args.addAll(List.of(more));
        if (!args.contains("--reboot-timeout")) args.addAll(List.of("--reboot-timeout", "20s"));
        return f.run(args.toArray(String[]::new));
    }

    @Test
    void inAPoolTheVmWithoutDevicesIsMigratedAndThePciVmStartsAgainOnItsHost() throws Exception {
        f = new ApplyFixture(tmp).scenario("lab-a", y -> labA(y, "", ""));
        Path desired = f.desired(labDesired("      reboot: auto\n      vmRestart: auto\n"));
        assertThat(f.run("plan", "-f", desired.toString())).as(f.output()).isEqualTo(0);
        assertThat(f.out()).contains("disable the host in its pool, enable it after; shut down 'render-a', then start"
                + " again on this host; migrate 'web' to other pool members (xe host-evacuate)");

        assertThat(apply(desired)).as(f.output()).isZero();
        assertThat(f.out()).contains("done    reboot lab-a  # migrated to other members: 'web'; started again on this"
                + " host: 'render-a'");
        assertThat(f.param(WEB, "power-state")).isEqualTo("running");
        assertThat(f.param(WEB, "resident-on")).isEqualTo(HOST_B);
        assertThat(f.param(RENDER_A, "power-state")).isEqualTo("running");
        assertThat(f.param(RENDER_A, "resident-on")).isEqualTo(HOST_A);
        assertThat(f.sh("xe", "host-param-get", "uuid=" + HOST_A, "param-name=enabled").stdout()).isEqualTo("true\n");
        assertThat(f.sh("ls", "/sys/bus/pci/drivers/pciback").stdout()).contains("0000:0b:00.0", "0000:0b:00.1");
        assertThat(stages()).containsExactly("started", "host-disabled", "vms-shut-down", "evacuated", "rebooting",
                "back", "host-enabled", "finished");
        assertThat(f.run("plan", "-f", desired.toString(), "--detailed-exitcode")).as(f.output()).isZero();
        // verified attached: render-a's domain holds both functions (xenstore, docs/attachment.md), and drift agrees
        assertThat(f.sh("xenstore-ls", "-f", "/local/domain/0/backend/pci").stdout()).contains("0000:0b:00.0", "0000:0b:00.1");
        assertThat(f.run("drift", "-f", desired.toString())).as(f.output()).isZero();
    }

    @Test
    void aPoolWithHaEnabledIsRefusedBeforeAnythingIsTouched() throws Exception {
        f = new ApplyFixture(tmp).scenario("lab-a", y -> labA(y, "  ha-enabled: true\n", "    ha-restart-priority: restart\n"));
        Path desired = f.desired(labDesired("      reboot: auto\n      vmRestart: auto\n"));
        assertThat(apply(desired)).isEqualTo(1);
        assertThat(f.out() + f.err()).contains("lab-a: HA is enabled on its pool, so xenpt does not reboot it (VMs protected by HA"
                + " here: 'web')", "Disable HA (xe pool-ha-disable)");
        assertThat(f.journal()).isEmpty();
        assertThat(f.sh("cat", "/boot/efi/EFI/xenserver/grub.cfg").stdout()).doesNotContain(HIDE);
        assertThat(f.param(WEB, "resident-on")).isEqualTo(HOST_A);
    }

    @Test
    void aStandaloneHostShutsDownEveryVmAndAGuestThatIgnoresItNeedsForceShutdown() throws Exception {
        f = new ApplyFixture(tmp).scenario(y -> y.replace("    name-label: XOA 4.15 Free\n    power-state: halted\n",
                "    name-label: XOA 4.15 Free\n    power-state: running\n    clean-shutdown: hangs\n"));
        Path desired = f.desired("version: 1\nhosts:\n  wintermute:\n    address: sim:wintermute\n    policy:\n"
                + "      reboot: auto\n      vmRestart: auto\n    hide: [01:03.0]\n    vms:\n"
                + ApplyFixture.windowsPci("[01:03.0]"));
        assertThat(apply(desired)).isEqualTo(1);
        assertThat(f.out()).contains("VM 'XOA 4.15 Free' did not shut down cleanly in time (VM failed to shutdown before"
                + " the timeout expired)", "run apply again with --force-shutdown", "the host was not rebooted");
        assertThat(f.param(WINDOWS, "power-state")).as("started again after the refusal").isEqualTo("running");
        assertThat(f.param(XOA, "power-state")).isEqualTo("running");
        assertThat(stages()).containsExactly("started", "vms-shut-down", "vms-shut-down", "finished");

        assertThat(apply(desired, "--force-shutdown")).as(f.output()).isZero();
        assertThat(f.out()).contains("forced off VM 'XOA 4.15 Free' (--force-shutdown)",
                "started again on this host: 'Windows Server 2012 R2', 'XOA 4.15 Free'");
        assertThat(f.param(WINDOWS, "power-state")).isEqualTo("running");
        assertThat(f.param(XOA, "resident-on")).isEqualTo(HOST_UUID);
        assertThat(f.run("plan", "-f", desired.toString(), "--detailed-exitcode")).as(f.output()).isZero();
    }

    @Test
    void anInterruptedRebootIsFinishedByTheNextApply() throws Exception {
        f = new ApplyFixture(tmp).scenario(s -> s);
        Path desired = f.desired("version: 1\nhosts:\n  wintermute:\n    address: sim:wintermute\n    policy:\n"
                + "      reboot: auto\n      vmRestart: auto\n    hide: [01:03.0]\n    vms:\n"
                + ApplyFixture.windowsPci("[01:03.0]"));
        f.sim().faults().rebootNeverReturns(true);
        assertThat(apply(desired, "--reboot-timeout", "1s")).isEqualTo(1);
        assertThat(f.out()).contains("FAILED  reboot wintermute");
        f.close();
        f.sim().faults().rebootNeverReturns(false); // the host boots when it is served again
        assertThat(f.param(WINDOWS, "power-state")).as("halted by the reboot").isEqualTo("halted");
        assertThat(stages()).last().isEqualTo("rebooting");

        assertThat(f.run("plan", "-f", desired.toString())).as(f.output()).isZero();
        assertThat(f.out()).contains("restart-vm Windows Server 2012 R2",
                "shut down by a xenpt reboot that was interrupted; started again on this host");
        assertThat(apply(desired, "--lock-timeout", "0")).as(f.output()).isZero();
        assertThat(f.err()).contains("wintermute: finishing the reboot an earlier apply left unfinished");
        assertThat(f.param(WINDOWS, "power-state")).isEqualTo("running");
        assertThat(f.param(WINDOWS, "resident-on")).isEqualTo(HOST_UUID);
        assertThat(stages()).last().isEqualTo("finished");
        assertThat(f.run("plan", "-f", desired.toString(), "--detailed-exitcode")).as(f.output()).isZero();
    }

    @Test
    void underVmRestartManualTheVmsLeftHaltedAreNextStepsThatWorkAsPrinted() throws Exception {
        f = new ApplyFixture(tmp).scenario("lab-a", y -> labA(y, "", ""));
        Path desired = f.desired(labDesired("      reboot: auto\n"));
        assertThat(f.run("-o", "json", "apply", "-f", desired.toString(), "--auto-approve", RUN, "100ms"))
                .as(f.output()).isZero();
        JSONArray steps = new JSONObject(f.out()).getJSONArray("next_steps");
        assertThat(steps.length()).isEqualTo(1);
        JSONObject start = steps.getJSONObject(0);
        assertThat(start.getString("vm_uuid")).isEqualTo(RENDER_A);
        assertThat(start.getJSONArray("commands").toList()).containsExactly("xe vm-start uuid=" + RENDER_A + " on=" + HOST_A);
        assertThat(f.param(RENDER_A, "power-state")).isEqualTo("halted");
        assertThat(f.param(WEB, "resident-on")).isEqualTo(HOST_B);
        for (Object command : start.getJSONArray("commands")) {
            var r = f.sh(command.toString().split(" "));
            assertThat(r.ok()).as(command + ": " + r.stderr()).isTrue();
        }
        assertThat(f.param(RENDER_A, "resident-on")).isEqualTo(HOST_A);
        assertThat(f.run("plan", "-f", desired.toString(), "--detailed-exitcode")).as(f.output()).isZero();
    }

    /**
     * The pool's {@code auto_poweron} (xapi-autostart-vms) starts the flagged VM at boot, before xenpt's check: under
     * {@code vmRestart: manual} it runs after the apply, and no next step asks to start it (the start would fail).
     */
    @Test
    void autoPoweronStartsTheVmAtBootAndNoNextStepAsksToStartIt() throws Exception {
        f = new ApplyFixture(tmp).scenario(y -> y.replace("reboot-delay-ms: 200", "reboot-delay-ms: 200\n"
                + "pool-other-config:\n  auto_poweron: \"true\"")
                .replace("      install-methods: cdrom\n", "      install-methods: cdrom\n      auto_poweron: \"true\"\n"));
        assertThat(f.sh("xe", "pool-list", "params=other-config", "--minimal").stdout()).contains("auto_poweron: true");
        Path desired = f.desired("version: 1\nhosts:\n  wintermute:\n    address: sim:wintermute\n    policy:\n"
                + "      reboot: auto\n    hide: [01:03.0]\n    vms:\n" + ApplyFixture.windowsPci("[01:03.0]"));
        assertThat(f.run("-o", "json", "apply", "-f", desired.toString(), "--auto-approve", RUN, "100ms"))
                .as(f.output()).isZero();
        assertThat(new JSONObject(f.out()).getJSONArray("next_steps").isEmpty()).as(f.out()).isTrue();
        assertThat(f.param(WINDOWS, "power-state")).isEqualTo("running");
        assertThat(f.run("plan", "-f", desired.toString(), "--detailed-exitcode")).as(f.output()).isZero();
    }

    /** The stages of the reboot traces in the host journal, in order. */
    private List<String> stages() throws Exception {
        return f.journal().stream().map(JSONObject::new).filter(j -> j.getString("result").equals("reboot-stage"))
                .map(j -> j.getString("stage")).toList();
    }
}
