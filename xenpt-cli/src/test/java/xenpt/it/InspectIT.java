package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code xenpt inspect} against every simulator scenario, over real SSH. */
class InspectIT {

    @TempDir
    Path sims;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "wintermute, XenServer, 7.0.0, grub, /boot/grub/grub.cfg, 0000:01:03.0, 1002:515e, Windows Server 2012 R2",
        "xs71-uefi, XenServer, 7.1.0, grub, /boot/efi/EFI/xenserver/grub.cfg, 0000:0b:00.1, 10de:0e0f, htpc",
        "xcpng82, XCP-ng, 8.2.1, xen-cmdline, /boot/grub/grub.cfg, 0000:01:00.3, 10de:1ad7, win10-gpu",
        "xcpng83, XCP-ng, 8.3.0, xapi, /boot/efi/EFI/xenserver/grub.cfg, 0000:0b:00.0, 10de:1b81, gpu-workstation",
        "xs65, XenServer, 6.5.0, extlinux, /boot/extlinux.conf, 0000:01:03.0, 1002:515e, legacy-app",
    })
    void inspectShowsDevicesVmsAndBackendOfEveryScenario(String scenario, String brand, String version, String backend,
            String bootFile, String device, String id, String vm) {
        Cli.Result text = Cli.run(sims, "inspect", "--address", "sim:" + scenario);
        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.out()).contains(brand + " " + version, "backend:", backend, bootFile, device, id, vm);

        Cli.Result json = Cli.run(sims, "-o", "json", "inspect", "--address", "sim:" + scenario);
        assertThat(json.exit()).as(json.toString()).isZero();
        JSONObject host = new JSONObject(json.out());
        assertThat(host.getString("backend")).isEqualTo(backend);
        assertThat(host.getString("version")).isEqualTo(version);
        assertThat(addresses(host.getJSONArray("devices"))).contains(device);
        assertThat(names(host.getJSONArray("vms"))).contains(vm).noneMatch(n -> n.startsWith("Control domain"));
        JSONArray devices = host.getJSONArray("devices");
        long management = count(devices, "management");
        long rootDisk = count(devices, "root_disk");
        assertThat(management).as("one management NIC").isEqualTo(1);
        assertThat(rootDisk).as("one root-disk controller").isEqualTo(1);
    }

    @Test
    void pciObjectsAreReadOnlyWhereThePciApiExists() {
        JSONObject with = new JSONObject(Cli.run(sims, "-o", "json", "inspect", "--address", "sim:xcpng83").out());
        JSONObject without = new JSONObject(Cli.run(sims, "-o", "json", "inspect", "--address", "sim:xcpng82").out());
        assertThat(pciObject(with, "0000:0b:00.0")).matches("[0-9a-f-]{36}");
        assertThat(pciObject(without, "0000:01:00.0")).isNull();
    }

    @Test
    void hostileVmNameIsObservedVerbatimAndNothingRuns() throws Exception {
        Path pwned = Path.of("/tmp/xenpt-pwned");
        Files.deleteIfExists(pwned);
        Cli.Result r = Cli.run(sims, "-o", "json", "inspect", "--address", "sim:xcpng82");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(names(new JSONObject(r.out()).getJSONArray("vms")))
                .contains("evil $(touch /tmp/xenpt-pwned) `id` 'single' \"double\"; rm -rf / #");
        assertThat(pwned).doesNotExist();
    }

    @Test
    void unreachableAddressExitsOneWithTheReason() {
        Cli.Result r = Cli.run(sims, "inspect", "--address", "127.0.0.1:1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("unreachable").containsIgnoringCase("refused");
    }

    private static List<String> addresses(JSONArray devices) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < devices.length(); i++) out.add(devices.getJSONObject(i).getString("address"));
        return out;
    }

    private static List<String> names(JSONArray vms) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < vms.length(); i++) out.add(vms.getJSONObject(i).getString("name_label"));
        return out;
    }

    private static long count(JSONArray devices, String flag) {
        long n = 0;
        for (int i = 0; i < devices.length(); i++) if (devices.getJSONObject(i).getBoolean(flag)) n++;
        return n;
    }

    private static String pciObject(JSONObject host, String address) {
        JSONArray devices = host.getJSONArray("devices");
        for (int i = 0; i < devices.length(); i++) {
            JSONObject d = devices.getJSONObject(i);
            if (d.getString("address").equals(address)) return d.optString("pci_object", null);
        }
        throw new AssertionError("no device " + address);
    }
}
