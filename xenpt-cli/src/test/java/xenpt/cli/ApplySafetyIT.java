package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static xenpt.cli.ApplyFixture.WINDOWS;
import static xenpt.cli.ApplyFixture.windowsPci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What keeps an apply safe: saved plans refused when stale, the host lock, failures that stop a host, confirmation. */
class ApplySafetyIT {

    @TempDir
    Path tmp;

    ApplyFixture f;
    Path give;

    @BeforeEach
    void host() throws Exception {
        f = new ApplyFixture(tmp).scenario(ApplyFixture::vgaHidden);
        give = f.desired("", windowsPci("[01:03.0]"));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void savedPlanIsRefusedNamingTheFactThatChangedBehindXenptsBack() throws Exception {
        Path plan = tmp.resolve("plan.json");
        assertThat(f.run("plan", "-f", give.toString(), "--out", plan.toString())).as(f.output()).isZero();
        assertThat(f.sh("xe", "vm-param-set", "uuid=" + WINDOWS, "other-config:pci=0/0000:0e:00.0").ok()).isTrue();

        assertThat(f.run("apply", plan.toString(), "-f", give.toString())).isEqualTo(1);
        assertThat(f.err()).contains("the saved plan is stale",
                "wintermute: vm 'Windows Server 2012 R2' other-config:pci was '' and is now '0/0000:0e:00.0'");
        assertThat(f.pci(WINDOWS)).contains("0/0000:0e:00.0");
        assertThat(f.journal()).isEmpty();
    }

    @Test
    void savedPlanAppliesWithoutConfirmationWhenNothingChanged() throws Exception {
        Path plan = tmp.resolve("plan.json");
        assertThat(f.run("plan", "-f", give.toString(), "--out", plan.toString())).as(f.output()).isZero();
        assertThat(f.run("apply", plan.toString(), "-f", give.toString())).as(f.output()).isZero();
        assertThat(f.pci(WINDOWS)).contains("0/0000:01:03.0");
        String planId = new JSONObject(java.nio.file.Files.readString(plan)).getString("plan_id");
        assertThat(new JSONObject(f.journal().get(0)).getString("plan_id")).isEqualTo(planId);

        assertThat(f.run("apply", plan.toString(), "-f", give.toString())).isEqualTo(1);
        assertThat(f.err()).contains("other-config:pci was '' and is now '0/0000:01:03.0'");
        assertThat(f.run("apply", plan.toString(), "-f", give.toString(), "--target", "wintermute")).isEqualTo(1);
        assertThat(f.err()).contains("--target cannot be combined with PLANFILE");
    }

    @Test
    void heldLockFailsAfterTheTimeoutNamingItsHolderAndIsLeftAlone() throws Exception {
        assertThat(f.sh("mkdir", "/var/lock/xenpt.lock").ok()).isTrue();
        f.write("/var/lock/xenpt.lock/owner",
                "{\"owner\": \"ci@runner-7\", \"pid\": 4242, \"time\": \"2026-11-25T00:47:00Z\", \"plan_id\": \"abc\"}\n");
        assertThat(f.run("apply", "-f", give.toString(), "--auto-approve", "--lock-timeout", "1s",
                "--poll-interval", "200ms")).isEqualTo(1);
        assertThat(f.out()).contains("FAILED  lock", "wintermute: the host lock /var/lock/xenpt.lock is held by"
                + " ci@runner-7 (pid 4242) since 2026-11-25T00:47:00Z for plan abc; waited 1s",
                "skipped assign wintermute/Windows Server 2012 R2", "Apply failed on 1 of 1 host");
        assertThat(f.lockHeld()).isTrue();
        assertThat(f.sh("cat", "/var/lock/xenpt.lock/owner").stdout()).contains("ci@runner-7");
        assertThat(f.pci(WINDOWS)).isEmpty();
        assertThat(f.journal()).isEmpty();
    }

    @Test
    void aConnectionDroppedWhileTheOwnerFileIsWrittenIsRecoveredWithinTheApply() throws Exception {
        // The owner file goes into a temporary directory that becomes the lock by a rename: no lock without owner.
        f.sim().faults().dropAt("^sftp-write /var/lock/xenpt\\.lock\\.tmp\\.[^/]+/owner$", 1);
        assertThat(f.run("apply", "-f", give.toString(), "--auto-approve")).as(f.output()).isZero();
        assertThat(f.sim().faults().seen(0)).isEqualTo(2);
        assertThat(f.out()).contains("done    lock", "done    assign wintermute/Windows Server 2012 R2", "done    unlock");
        assertThat(f.lockHeld()).isFalse();
        assertThat(f.sh("ls", "-a", "/var/lock").stdout().lines().filter(l -> l.startsWith("xenpt"))).isEmpty();
        assertThat(f.pci(WINDOWS)).contains("0/0000:01:03.0");
    }

    @Test
    void anApplyInterruptedBetweenStepsStillWritesItsJournalAndReleasesTheLock() throws Exception {
        // The host's thread is interrupted (as when the apply is being stopped) just after the assign step.
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.PrintWriter err = new java.io.PrintWriter(new java.io.StringWriter()) {
            @Override
            public void println(String line) {
                if (line.startsWith("wintermute: assign ") && line.contains(": done")) Thread.currentThread().interrupt();
                super.println(line);
            }
        };
        int code = JsonContract.run(Main.Input.none(), new java.io.PrintWriter(out), err, f.env,
                new String[] {"apply", "-f", give.toString(), "--auto-approve"});

        assertThat(code).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("done    assign wintermute/Windows Server 2012 R2", "FAILED  pin wintermute/",
                "wintermute: interrupted at pin wintermute/Windows Server 2012 R2", "done    journal", "done    unlock");
        assertThat(f.lockHeld()).isFalse();
        JSONObject failed = new JSONObject(f.journal().get(0));
        assertThat(failed.getString("result")).isEqualTo("interrupted");
        assertThat(failed.getString("error")).isEqualTo("wintermute: interrupted at pin wintermute/Windows Server 2012 R2");
        assertThat(failed.getJSONArray("changes").length()).isEqualTo(1);
        assertThat(f.pci(WINDOWS)).contains("0/0000:01:03.0");
    }

    @Test
    void twoAppliesAtOnceOnOneHostMakeTheChangeOnce() throws Exception {
        Callable<Integer> apply = () -> {
            ApplyFixture other = new ApplyFixture(tmp);
            return other.run("apply", "-f", give.toString(), "--auto-approve", "--lock-timeout", "30s",
                    "--poll-interval", "100ms");
        };
        List<Integer> codes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> both = List.of(pool.submit(apply), pool.submit(apply));
            for (Future<Integer> r : both) codes.add(r.get());
        }
        assertThat(codes).containsExactlyInAnyOrder(0, 1);
        List<JSONObject> records = f.journal().stream().map(JSONObject::new).toList();
        assertThat(records.stream().filter(r -> r.getString("result").equals("applied"))).hasSize(1);
        assertThat(records.stream().filter(r -> !r.getJSONArray("changes").isEmpty())).hasSize(1);
        records.stream().filter(r -> r.getString("result").equals("failed"))
                .forEach(r -> assertThat(r.getString("error")).contains("the plan is stale"));
        assertThat(f.pci(WINDOWS)).contains("0/0000:01:03.0");
        assertThat(f.lockHeld()).isFalse();
    }

    @Test
    void failingVmParamSetStopsTheHostReleasesTheLockAndASecondApplyConverges() throws Exception {
        f.sim().faults().failAt("xe vm-param-set .*other-config:pci", 1, "The uuid you supplied was invalid.");
        assertThat(f.run("apply", "-f", give.toString(), "--auto-approve")).isEqualTo(1);
        assertThat(f.out()).contains("FAILED  assign wintermute/Windows Server 2012 R2",
                "wintermute: xe vm-param-set failed (exit 1): The uuid you supplied was invalid.",
                "skipped pin wintermute/Windows Server 2012 R2", "done    journal", "done    unlock");
        assertThat(f.lockHeld()).isFalse();
        JSONObject failed = new JSONObject(f.journal().get(0));
        assertThat(failed.getString("result")).isEqualTo("failed");
        assertThat(failed.getString("error")).contains("xe vm-param-set failed");

        assertThat(f.run("apply", "-f", give.toString(), "--auto-approve")).as(f.output()).isZero();
        assertThat(f.run("plan", "-f", give.toString(), "--detailed-exitcode")).as(f.output()).isZero();
    }

    @Test
    void droppedConnectionAtThePinStillReleasesTheLockAndASecondApplyConverges() throws Exception {
        f.sim().faults().dropAt("xe vm-param-set .*affinity=", 1);
        assertThat(f.run("apply", "-f", give.toString(), "--auto-approve")).isEqualTo(1);
        assertThat(f.out()).contains("done    assign wintermute/Windows Server 2012 R2", "FAILED  pin wintermute/",
                "done    journal", "done    unlock");
        assertThat(f.lockHeld()).isFalse();
        JSONObject failed = new JSONObject(f.journal().get(0));
        assertThat(failed.getJSONArray("changes").length()).isEqualTo(1);

        assertThat(f.run("apply", "-f", give.toString(), "--auto-approve")).as(f.output()).isZero();
        assertThat(f.out()).contains("done    pin wintermute/Windows Server 2012 R2").doesNotContain("assign");
        assertThat(f.run("plan", "-f", give.toString(), "--detailed-exitcode")).as(f.output()).isZero();
    }

    @Test
    void aHostThatNeverReturnsFromItsRebootFailsAndTheNextApplyReclaimsTheLockOfThatEarlierBoot() throws Exception {
        String grub = f.sh("cat", "/boot/grub/grub.cfg").stdout();
        f.write("/boot/grub/grub.cfg", grub.replace("(0000:01:03.0)", "(0000:01:03.0)(0000:0e:00.0)"));
        Path reboot = f.desired("      reboot: auto\n", "");
        f.sim().faults().rebootNeverReturns(true);
        assertThat(f.run("apply", "-f", reboot.toString(), "--auto-approve", "--reboot-timeout", "1s",
                "--poll-interval", "100ms")).isEqualTo(1);
        assertThat(f.out()).contains("FAILED  reboot wintermute", "the host did not come back within 1s after the reboot",
                "FAILED  unlock", "the host lock /var/lock/xenpt.lock is left behind",
                "remove it with: xenpt force-unlock wintermute -f " + reboot + " --lock-id ");

        // The host boots at last (a new boot id): the lock of the earlier boot is stale, reclaimed with a warning.
        f.close();
        f.sim().faults().rebootNeverReturns(false);
        Path more = f.desired("      reboot: auto\n", windowsPci("[01:03.0]")); // a change, so that the lock is taken
        assertThat(f.run("apply", "-f", more.toString(), "--auto-approve", "--lock-timeout", "0",
                "--poll-interval", "100ms")).as(f.output()).isZero();
        assertThat(f.err()).contains("warning: reclaimed the host lock of an earlier boot", "tester@testbox (pid "
                + ProcessHandle.current().pid() + ")");
        assertThat(f.lockHeld()).isFalse();
        assertThat(f.run("plan", "-f", more.toString(), "--detailed-exitcode")).as(f.output()).isZero();
    }

    @Test
    void afterAHostThatDoesNotComeBackFromItsRebootNoOtherHostIsRebooted() throws Exception {
        // Both hosts would never come back; whichever reboots first is lost, and the other must not follow it.
        f.sim().faults().rebootNeverReturns(true);
        try (xenpt.sim.SimulatedHost xs65 = xenpt.sim.SimulatedHost.start("xs65", tmp.resolve("sim/xs65"))) {
            xs65.faults().rebootNeverReturns(true);
        }
        Path both = f.desired("version: 1\ndefaults:\n  policy:\n    reboot: auto\nhosts:\n"
                + "  wintermute:\n    address: sim:wintermute\n    hide: [01:03.0, 0e:00.0]\n"
                + "  xs65:\n    address: sim:xs65\n    hide: [0e:00.0, 0e:00.1]\n");
        assertThat(f.run("apply", "-f", both.toString(), "--auto-approve", "--reboot-timeout", "1s",
                "--poll-interval", "100ms")).isEqualTo(1);

        String out = f.out();
        assertThat(out.split("did not come back within 1s after the reboot", -1)).as(out).hasSize(2);
        assertThat(out).containsPattern("not rebooted: (wintermute|xs65) did not come back from its reboot in this apply");
    }

    @Test
    void withoutATerminalApplyRefusesUnlessAutoApproved() throws Exception {
        assertThat(f.run("apply", "-f", give.toString())).isEqualTo(1);
        assertThat(f.err()).contains("standard input is not a terminal; pass --auto-approve");
        assertThat(f.out()).contains("+ assign");
        assertThat(f.pci(WINDOWS)).isEqualTo(Optional.empty());
    }

    @Test
    void onATerminalOnlyYesApplies() throws Exception {
        assertThat(f.run(ApplyFixture.terminal("y\n"), "apply", "-f", give.toString())).isEqualTo(1);
        assertThat(f.err()).contains("Only 'yes' is accepted", "apply cancelled; nothing was changed");
        assertThat(f.pci(WINDOWS)).isEmpty();
        assertThat(f.run(ApplyFixture.terminal("yes\n"), "apply", "-f", give.toString())).as(f.output()).isZero();
        assertThat(f.pci(WINDOWS)).contains("0/0000:01:03.0");
    }
}
