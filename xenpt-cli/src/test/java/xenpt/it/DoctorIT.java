package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.sim.SimulatedHost;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;

/**
 * {@code xenpt doctor} against the doctor-*.yaml scenarios over SSH: each finding from the scenario made for it, the
 * healthy host exits 0, and the fix commands it prints work when run on the host as printed.
 */
class DoctorIT {

    @TempDir
    Path dir;

    private Cli.Result doctor(String scenario, String... more) throws Exception {
        Path f = dir.resolve(scenario + ".yaml");
        Files.writeString(f, "version: 1\nhosts:\n  h:\n    address: sim:" + scenario + "\n");
        List<String> args = new java.util.ArrayList<>(List.of("-o", "json", "doctor", "h"));
        args.addAll(List.of(more));
        args.addAll(List.of("-f", f.toString()));
        return Cli.run(dir, args.toArray(String[]::new));
    }

    private JSONObject finding(String scenario, String kind) throws Exception {
        Cli.Result r = doctor(scenario);
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        JSONArray all = new JSONObject(r.out()).getJSONArray("findings");
        for (int i = 0; i < all.length(); i++) {
            if (all.getJSONObject(i).getString("kind").equals(kind)) return all.getJSONObject(i);
        }
        throw new AssertionError("no " + kind + " in " + r.out());
    }

    /** Runs a printed fix line (without its trailing "&& reboot") on the host, as an administrator pastes it. */
    private CommandResult runFix(String scenario, JSONObject finding) throws Exception {
        String line = finding.getString("shell").replace(" && reboot", "");
        try (SimulatedHost sim = SimulatedHost.start(scenario, dir.resolve(scenario));
                HostSession s = SimShell.connect(sim)) {
            return s.run(new xenpt.transport.Command(words(line)));
        }
    }

    /** The words a POSIX shell makes of {@code line} (plain words, single quotes, {@code '\''}): what sh would run. */
    static List<String> words(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' ) {
                quoted = !quoted;
                any = true;
            } else if (c == '\\' && !quoted && i + 1 < line.length()) {
                w.append(line.charAt(++i));
            } else if (c == ' ' && !quoted) {
                if (any || w.length() > 0) out.add(w.toString());
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (any || w.length() > 0) out.add(w.toString());
        return out;
    }

    /** Runs the printed fix line, then reboots the host when the line ends in "&& reboot", and waits for it. */
    private void applyFix(String scenario, JSONObject finding) throws Exception {
        String line = finding.getString("shell");
        try (SimulatedHost sim = SimulatedHost.start(scenario, dir.resolve(scenario))) {
            sim.setRebootDelay(java.time.Duration.ofMillis(200));
            String bootId;
            try (HostSession s = SimShell.connect(sim)) {
                bootId = s.run(xenpt.transport.Command.of("cat", "/proc/sys/kernel/random/boot_id")).stdout();
                assertThat(s.run(new xenpt.transport.Command(words(line.replace(" && reboot", "")))).exitCode()).isZero();
                if (!line.endsWith(" && reboot")) return;
                s.run(xenpt.transport.Command.of("reboot"));
            }
            for (int i = 0; i < 200; i++) {
                Thread.sleep(50);
                try (HostSession s = SimShell.connect(sim)) {
                    String now = s.run(xenpt.transport.Command.of("cat", "/proc/sys/kernel/random/boot_id")).stdout();
                    if (!now.equals(bootId) && !now.isBlank()) return;
                } catch (Exception e) {
                    // still rebooting
                }
            }
            throw new AssertionError("the host did not come back");
        }
    }

    @Test
    void pcibackFixWorksWhenCopied() throws Exception {
        applyFix("doctor-pciback", finding("doctor-pciback", "pciback-not-loaded"));
        Cli.Result after = doctor("doctor-pciback");
        assertThat(after.exit()).as(after.toString()).isZero();
    }

    @Test
    void dom0DriverFixWorksWhenCopied() throws Exception {
        applyFix("doctor-dom0-driver", finding("doctor-dom0-driver", "dom0-driver"));
        Cli.Result after = doctor("doctor-dom0-driver");
        assertThat(after.exit()).as(after.toString()).isZero();
    }

    @Test
    void healthyHostExitsZero() throws Exception {
        Cli.Result r = doctor("doctor-healthy");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(new JSONObject(r.out()).getJSONArray("findings")).isEmpty();
        Cli.Result text = Cli.run(dir, "doctor", "h", "-f", dir.resolve("doctor-healthy.yaml").toString());
        assertThat(text.out()).contains("no problem found");
    }

    @Test
    void pcibackNotLoadedShowsTheKernelsParseError() throws Exception {
        JSONObject f = finding("doctor-pciback", "pciback-not-loaded");
        assertThat(f.getString("evidence")).contains("xen_pciback: Error parsing pci_devs_to_hide at \"(0b::00.1)\"");
        assertThat(f.getString("shell")).contains("xen-pciback.hide=(0000:0b:00.0)(0000:0b:00.1)");
    }

    @Test
    void iommuDisabledShowsXlInfoAndXlDmesg() throws Exception {
        JSONObject f = finding("doctor-iommu", "iommu-disabled");
        assertThat(f.getString("evidence")).contains("virt_caps", "I/O virtualisation disabled");
    }

    @Test
    void deviceStillBoundToDom0Driver() throws Exception {
        JSONObject f = finding("doctor-dom0-driver", "dom0-driver");
        assertThat(f.getString("subject")).isEqualTo("0000:0b:00.1");
        assertThat(f.getString("evidence")).contains("snd_hda_intel");
    }

    @Test
    void nonCanonicalHideEntryAndItsFixWorksWhenCopied() throws Exception {
        JSONObject f = finding("doctor-noncanonical", "non-canonical-hide");
        assertThat(f.getString("evidence")).contains("(0b:00.0)(0B:00.1)");
        applyFix("doctor-noncanonical", f);
        try (SimulatedHost sim = SimulatedHost.start("doctor-noncanonical", dir.resolve("doctor-noncanonical"));
                HostSession s = SimShell.connect(sim)) {
            String grub = s.run(xenpt.transport.Command.of("cat", "/boot/efi/EFI/xenserver/grub.cfg")).stdout();
            assertThat(grub).contains("xen-pciback.hide=(0000:0b:00.0)(0000:0b:00.1)");
        }
        assertThat(doctor("doctor-noncanonical").exit()).as("healthy after the fix and a reboot").isZero();
    }

    @Test
    void unpinnedVmAndItsFixWorksWhenCopied() throws Exception {
        JSONObject f = finding("doctor-unpinned", "not-pinned");
        assertThat(f.getString("shell")).startsWith("xe vm-param-set uuid=3d8f1a6c-2b4e-4c5a-9e7d-8f6a5b4c3d2e affinity=");
        assertThat(runFix("doctor-unpinned", f).exitCode()).isZero();
        assertThat(doctor("doctor-unpinned").exit()).as("healthy after the fix").isZero();
    }

    @Test
    void functionsOfOneDeviceSplitBetweenVms() throws Exception {
        JSONObject f = finding("doctor-split", "split-functions");
        assertThat(f.getString("evidence")).contains("0000:0b:00.0 -> 'gpu-workstation'", "0000:0b:00.1 -> 'audio-vm'");
    }

    @Test
    void deviceWithoutFunctionLevelReset() throws Exception {
        JSONObject f = finding("doctor-no-flr", "no-flr");
        assertThat(f.getString("evidence")).contains("FLReset-");
    }

    @Test
    void nvmeWithoutExtraGuestIrqsAndItsFixRuns() throws Exception {
        JSONObject f = finding("doctor-nvme", "nvme-extra-guest-irqs");
        assertThat(f.getString("subject")).isEqualTo("0000:05:00.0");
        assertThat(f.getString("shell")).isEqualTo("/opt/xensource/libexec/xen-cmdline --set-xen extra_guest_irqs=128 && reboot");
        assertThat(runFix("doctor-nvme", f).exitCode()).isZero();
    }

    @Test
    void aVmArgumentLimitsTheVmFindingsAndAnUnknownVmIsAnError() throws Exception {
        Cli.Result split = doctor("doctor-split", "audio-vm");
        assertThat(split.exit()).as("a split concerns both VMs: " + split).isEqualTo(2);
        assertThat(split.out()).contains("\"vm\": \"audio-vm\"", "split-functions");
        Cli.Result unpinned = doctor("doctor-unpinned", "db1");
        assertThat(unpinned.exit()).as("gpu-workstation's finding is not db1's: " + unpinned).isZero();
        Cli.Result unknown = doctor("doctor-split", "nope");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("h has no VM named 'nope'");
    }
}
