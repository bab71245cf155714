package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * plan → apply → plan on every simulator scenario, with each hide method: manual policies leave at most a pending
 * reboot and a second apply changes nothing; automatic policies end with the devices bound to pciback, the VMs
 * able to run with them, and no drift.
 */
class ApplyEveryScenarioIT {

    @TempDir
    Path dir;

    static final String SCENARIOS = """
            wintermute, grub,        0e:00.0 01:03.0,                 Windows Server 2012 R2, 01:03.0
            xs71-uefi,  grub,        0b:00.0 0b:00.1,                 htpc,                   0b:00.0 0b:00.1
            xcpng82,    xen-cmdline, 01:00.0 01:00.1 01:00.2 01:00.3, win10-gpu,              01:00.0 01:00.1 01:00.2 01:00.3
            xcpng83,    xapi,        0b:00.0 0b:00.1,                 gpu-workstation,        0b:00.0 0b:00.1
            xs65,       extlinux,    01:03.0,                         legacy-app,             01:03.0
            """;

    @ParameterizedTest(name = "{0} ({1}), manual")
    @CsvSource(textBlock = SCENARIOS)
    void manualPoliciesConvergeToAPendingRebootAndApplyingAgainChangesNothing(
            String scenario, String method, String hide, String vm, String pci) throws Exception {
        Path file = desired(scenario, "manual", hide, vm, pci);
        assertThat(Cli.run(dir, "plan", "--detailed-exitcode", "-f", file.toString()).exit()).isEqualTo(2);

        Cli.Result apply = Cli.run(dir, "apply", "--auto-approve", "-f", file.toString());
        assertThat(apply.exit()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("hide", "assign", "pin");

        Cli.Result after = Cli.run(dir, "plan", "--detailed-exitcode", "-f", file.toString());
        assertThat(after.exit()).as(after.toString()).isZero();
        assertThat(after.out()).contains("pending reboot");
        List<String> backups = backups(scenario);

        Cli.Result again = Cli.run(dir, "apply", "--auto-approve", "-f", file.toString());
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).doesNotContain("done ");
        assertThat(backups(scenario)).isEqualTo(backups);
    }

    @ParameterizedTest(name = "{0} ({1}), automatic")
    @CsvSource(textBlock = SCENARIOS)
    void automaticPoliciesEndWithDevicesOnPcibackRunnableVmsAndNoDrift(
            String scenario, String method, String hide, String vm, String pci) throws Exception {
        Path file = desired(scenario, "auto", hide, vm, pci);
        Cli.Result apply = Cli.run(dir, "apply", "--auto-approve", "--poll-interval", "100ms", "-f", file.toString());
        assertThat(apply.exit()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("reboot");

        Cli.Result drift = Cli.run(dir, "drift", "-f", file.toString());
        assertThat(drift.exit()).as(drift.toString()).isZero();

        JSONObject host = new JSONObject(Cli.run(dir, "-o", "json", "inspect", "--address", "sim:" + scenario).out());
        assertThat(host.getString("backend")).isEqualTo(method);
        assertThat(strings(host.getJSONObject("runtime").getJSONArray("pciback_bound")))
                .containsExactlyInAnyOrderElementsOf(full(hide));
        JSONObject record = vm(host, vm);
        String uuid = record.getString("uuid");
        if (!record.getString("power_state").equals("running")) {
            var start = SimShell.run(dir.resolve(scenario), scenario, "xe", "vm-start", "uuid=" + uuid);
            assertThat(start.exitCode()).as(start.stderr()).isZero();
        }
        var power = SimShell.run(dir.resolve(scenario), scenario, "xe", "vm-param-get", "uuid=" + uuid, "param-name=power-state");
        assertThat(power.stdout().strip()).isEqualTo("running");
        var value = SimShell.run(dir.resolve(scenario), scenario,
                "xe", "vm-param-get", "uuid=" + uuid, "param-name=other-config", "param-key=pci");
        assertThat(value.stdout().strip()).isEqualTo(String.join(",", full(pci).stream().map(a -> "0/" + a).toList()));
    }

    private Path desired(String scenario, String policy, String hide, String vm, String pci) throws Exception {
        Path file = dir.resolve(scenario + "-" + policy + ".yaml");
        Files.writeString(file, """
                version: 1
                hosts:
                  %s:
                    address: sim:%s
                    policy: {reboot: %s, vmRestart: %s}
                    hide: [%s]
                    vms:
                      "%s":
                        pci: [%s]
                """.formatted(scenario, scenario, policy, policy, String.join(", ", hide.split(" ")), vm,
                String.join(", ", pci.split(" "))));
        return file;
    }

    private List<String> backups(String scenario) throws Exception {
        List<String> names = new ArrayList<>();
        try (var files = Files.walk(dir.resolve(scenario).resolve("root/boot"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".xenpt-")).sorted().forEach(names::add);
        }
        return names;
    }

    private static List<String> full(String shortForms) {
        return Arrays.stream(shortForms.split(" ")).map(a -> "0000:" + a).toList();
    }

    private static List<String> strings(JSONArray array) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.length(); i++) out.add(array.getString(i));
        return out;
    }

    private static JSONObject vm(JSONObject host, String name) {
        JSONArray vms = host.getJSONArray("vms");
        for (int i = 0; i < vms.length(); i++) {
            if (vms.getJSONObject(i).getString("name_label").equals(name)) return vms.getJSONObject(i);
        }
        throw new AssertionError("no VM " + name);
    }
}
