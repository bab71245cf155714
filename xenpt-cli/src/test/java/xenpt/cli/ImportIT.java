package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xenpt.desired.DesiredState;
import xenpt.desired.DesiredStateLoader;
import xenpt.desired.HostSpec;
import xenpt.desired.SourceFile;
import xenpt.desired.VmSpec;
import xenpt.it.Cli;
import xenpt.sim.SimulatedHost;

/** {@code import} round trips: import a simulated host → the file validates → a plan of it has no changes. */
class ImportIT {

    static final String HOSTILE = "Evil: \"VM\" #1 'x' - [y] {z} & *a | >";
    static final String HOST_UUID = "6a3a2c7e-1f0b-4d5e-9c8a-2b1d0e3f4a5b";

    @TempDir
    Path tmp;

    String out;
    String err;

    private int run(String... args) {
        Cli.Result r = Cli.run(tmp, tmp.resolve("sim"), args);
        out = r.out();
        err = r.err();
        return r.exit();
    }

    private Path roundTrip(String scenario) throws Exception {
        Path file = tmp.resolve("imported-" + scenario + ".yaml");
        assertThat(run("import", "--address", "sim:" + scenario, "--out", file.toString())).as(err).isZero();
        assertThat(run("validate", "-f", file.toString())).as(err).isZero();
        assertThat(run("plan", "-f", file.toString(), "--detailed-exitcode")).as(out + err).isZero();
        assertThat(out).contains("No changes. 1 host matches the desired state.").doesNotContain("warning");
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wintermute", "xs71-uefi", "xcpng82", "xcpng83", "xs65"})
    void importedScenarioPlansNoChanges(String scenario) throws Exception {
        Path file = roundTrip(scenario);
        HostSpec host = load(file).host(scenario).orElseThrow();
        assertThat(host.address()).isEqualTo("sim:" + scenario);
        assertThat(host.ssh().hostKey()).startsWith("SHA256:");
        assertThat(host.hide()).contains(List.of());
    }

    /** wintermute with both devices hidden at boot and held by VMs, one with a name-label that YAML must quote. */
    @Test
    void aHostWithHiddenAndAssignedDevicesRoundTrips() throws Exception {
        String base = Files.readString(Path.of("examples/sim/wintermute.yaml"));
        String variant = base
                .replace("console=hvc0 quiet vga=785 splash plymouth.ignore-serial-consoles",
                        "console=hvc0 quiet vga=785 splash plymouth.ignore-serial-consoles xen-pciback.hide=(0000:0e:00.0)(0000:01:03.0)")
                .replace("    power-state: running\n    memory-mib: \"8192\"\n",
                        "    power-state: running\n    affinity: " + HOST_UUID + "\n    memory-mib: \"8192\"\n")
                .replace("      vgpu_pci: \"\"\n", "      vgpu_pci: \"\"\n      pci: 0/0000:01:03.0\n")
                .replace("    name-label: XOA 4.15 Free\n", "    name-label: '" + HOSTILE.replace("'", "''") + "'\n    affinity: " + HOST_UUID + "\n")
                .replace("      install-methods: cdrom,nfs,http,ftp\n", "      install-methods: cdrom,nfs,http,ftp\n      pci: 0/0000:0e:00.0\n");
        assertThat(variant).contains("xen-pciback.hide=", "pci: 0/0000:01:03.0", "pci: 0/0000:0e:00.0", "Evil");
        Path scenario = Files.writeString(tmp.resolve("gpu-variant.yaml"), variant);
        SimulatedHost.start(scenario.toString(), tmp.resolve("sim").resolve("gpu-variant")).close();

        Path file = roundTrip("gpu-variant");
        HostSpec host = load(file).host("gpu-variant").orElseThrow();
        assertThat(host.method().word()).isEqualTo("grub");
        assertThat(host.hide().orElseThrow()).extracting(e -> e.address() + " " + e.id().map(Object::toString).orElse("-"))
                .containsExactly("0000:01:03.0 1002:515e", "0000:0e:00.0 8086:10d3");
        assertThat(host.vms()).extracting(VmSpec::name, v -> v.uuid().orElse(""), v -> v.pci().toString()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Windows Server 2012 R2", "22eb15fb-169c-ec9b-0ad4-231dc7210376", "[0000:01:03.0]"),
                org.assertj.core.groups.Tuple.tuple(HOSTILE, "5bd4e662-5b08-bd5b-896f-bc39c1f4248c", "[0000:0e:00.0]"));
    }

    /** A pool member: every VM of the pool is listed by xe, but only the one placed on this member is imported. */
    @Test
    void aPoolMemberImportsOnlyTheVmsPlacedOnIt() throws Exception {
        Path file = roundTrip("lab-b");
        HostSpec host = load(file).host("lab-b").orElseThrow();
        assertThat(host.hide().orElseThrow()).extracting(e -> e.address().toString())
                .containsExactly("0000:0b:00.0", "0000:0b:00.1");
        assertThat(host.vms()).extracting(VmSpec::name).containsExactly("render-b");
    }

    @Test
    void importToStdoutAndAnExistingFileIsNotOverwritten() throws Exception {
        assertThat(run("import", "--address", "sim:xs65", "--name", "old-box")).as(err).isZero();
        assertThat(out).startsWith("# Imported by xenpt from sim:xs65: XenServer 6.5.0").contains("  old-box:\n", "method: extlinux");
        Path existing = Files.writeString(tmp.resolve("keep.yaml"), "mine");
        assertThat(run("import", "--address", "sim:xs65", "--out", existing.toString())).isEqualTo(1);
        assertThat(err).contains("exists");
        assertThat(Files.readString(existing)).isEqualTo("mine");
    }

    private static DesiredState load(Path file) throws Exception {
        return DesiredStateLoader.load(List.of(new SourceFile(file.toString(), Files.readString(file).getBytes(StandardCharsets.UTF_8))))
                .state().orElseThrow();
    }
}
