package xenpt.observed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xenpt.desired.HideMethod;
import xenpt.sim.SimulatedHost;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.ssh.SshConnector;
import xenpt.transport.ssh.SshOptions;
import xenpt.transport.ssh.SshTarget;

/**
 * The read script against simulated hosts over SSH (issue 16): one connection and one exec channel per observation
 * on every scenario, a failing read fails alone, and host output cannot forge a section.
 */
class ReadScriptIT {

    static final String XOA = "5bd4e662-5b08-bd5b-896f-bc39c1f4248c";
    static final String HOST = "6a3a2c7e-1f0b-4d5e-9c8a-2b1d0e3f4a5b";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"wintermute", "xs71-uefi", "xcpng82", "xcpng83", "xs65", "lab-a", "lab-b",
        "wintermute-continued", "wintermute-crlf", "wintermute-symlink"})
    void everyScenarioIsObservedOverOneConnectionInOneChannel(String scenario) throws Exception {
        try (SimulatedHost sim = SimulatedHost.start(scenario, dir.resolve(scenario))) {
            sim.traffic().reset();
            try (HostSession session = connect(sim)) {
                Observer.observe(session, scenario, "sim:" + scenario, HideMethod.AUTO);
            }
            assertThat(sim.traffic().connections()).isEqualTo(1);
            // Round 2 always runs, on the same channel: the evacuation check (RebootReads) needs round 1's host uuid.
            assertThat(sim.traffic().channels()).as(scenario).isEqualTo(1);
            assertThat(sim.traffic().commands()).as(scenario).isGreaterThanOrEqualTo(Reads.ROUND_ONE.size() + 1);
        }
    }

    @Test
    void aFailingXeReadFailsAloneAndTheOtherReadsStillParse() throws Exception {
        try (SimulatedHost sim = SimulatedHost.start("wintermute", dir.resolve("w"));
                HostSession session = connect(sim)) {
            sim.faults().failAt("^xe pif-list ", 1, "Error: Connection refused (calling connect )");
            Map<Command, CommandResult> r = Reads.runAll(session, Reads.ROUND_ONE);
            assertThat(r).hasSize(Reads.ROUND_ONE.size());
            assertThat(r.get(Reads.MANAGEMENT_PIF)).isEqualTo(new CommandResult(Reads.MANAGEMENT_PIF, 1, "",
                    "Error: Connection refused (calling connect )\n"));
            assertThat(r.get(Reads.GRUB_EFI)).isEqualTo(new CommandResult(Reads.GRUB_EFI, 1, "",
                    "cat: /boot/efi/EFI/xenserver/grub.cfg: No such file or directory\n"));
            assertThat(r.get(Reads.INVENTORY).stdout()).contains("INSTALLATION_UUID=");
            assertThat(r.get(Reads.LSPCI).stdout()).startsWith("Slot:\t0000:00:");
            assertThat(r.get(Reads.VM_LIST).stdout()).contains(XOA);
            assertThat(r.get(Reads.POOL_MASTER).ok()).isTrue();

            sim.faults().failAt("^xe pif-list ", 1, "Error: Connection refused (calling connect )");
            ObservedHost h = Observer.observe(session, "wintermute", "sim:wintermute", HideMethod.AUTO);
            assertThat(h.managementDevices()).isEmpty();
            assertThat(h.devices()).isNotEmpty();
            assertThat(h.vms()).isNotEmpty();
        }
    }

    @Test
    void aMissingToolIsExit127ForItsReadOnly() throws Exception {
        try (SimulatedHost sim = SimulatedHost.start("xs65", dir.resolve("xs65"));
                HostSession session = connect(sim)) {
            Map<Command, CommandResult> r = Reads.runAll(session, Reads.ROUND_ONE);
            assertThat(r.get(Reads.XEN_CMDLINE)).isEqualTo(new CommandResult(Reads.XEN_CMDLINE, 127, "",
                    "sh: /opt/xensource/libexec/xen-cmdline: No such file or directory\n"));
            assertThat(r.get(Reads.EXTLINUX).ok()).isTrue();
            assertThat(Observer.observe(session, "xs65", "sim:xs65", HideMethod.AUTO).backend())
                    .isEqualTo(HideMethod.EXTLINUX);
        }
    }

    @Test
    void xeVmListFailingStillFailsTheObservationNamingTheRead() throws Exception {
        try (SimulatedHost sim = SimulatedHost.start("wintermute", dir.resolve("w"));
                HostSession session = connect(sim)) {
            sim.faults().failAt("^xe vm-list ", 1, "Error: Connection refused (calling connect )");
            assertThatThrownBy(() -> Observer.observe(session, "wintermute", "sim:wintermute", HideMethod.AUTO))
                    .isInstanceOf(ObservationException.class)
                    .hasMessage("wintermute: xe vm-list failed: Error: Connection refused (calling connect )");
        }
    }

    @Test
    void hostOutputThatLooksLikeAMarkerCannotForgeASection() throws Exception {
        // What an attacker who read docs/observation-commands.md would put into a VM's name (settable from a
        // guest's management tools): marker-shaped lines on stdout, the end of a section and the end of round 1 as the
        // script prints them, and a request line.
        String hostile = "evil\n\n0123456789abcdef0123456789abcdef 0\nSlot:\t0000:ff:00.0\n\n$n 0\n\n"
                + "0123456789abcdef0123456789abcdef round2\n\n$n round2\nvm-pci " + XOA + "\n";
        try (SimulatedHost sim = SimulatedHost.start("wintermute", dir.resolve("w"));
                HostSession session = connect(sim)) {
            ObservedHost before = Observer.observe(session, "wintermute", "sim:wintermute", HideMethod.AUTO);
            CommandResult set = session.run(Command.of("xe", "vm-param-set", "uuid=" + XOA, "name-label=" + hostile));
            assertThat(set.ok()).as(set.toString()).isTrue();
            ObservedHost after = Observer.observe(session, "wintermute", "sim:wintermute", HideMethod.AUTO);
            assertThat(after.vms()).hasSameSizeAs(before.vms());
            Optional<VmRecord> xoa = after.vms().stream().filter(v -> v.uuid().equals(XOA)).findFirst();
            assertThat(xoa).map(VmRecord::nameLabel).contains(hostile);
            assertThat(after.devices()).isEqualTo(before.devices());
            assertThat(after.runtime()).isEqualTo(before.runtime());
            assertThat(after.managementDevices()).isEqualTo(before.managementDevices());
        }
    }

    @Test
    void roundTwoStillReadsAVmsOtherConfigPciExactlyOnTheSameChannel() throws Exception {
        try (SimulatedHost sim = SimulatedHost.start("wintermute", dir.resolve("w"));
                HostSession session = connect(sim)) {
            CommandResult set = session.run(Command.of("xe", "vm-param-set", "uuid=" + XOA, "other-config:pci=0/0000:0e:00.0"));
            assertThat(set.ok()).as(set.toString()).isTrue();
            sim.traffic().reset();
            ObservedHost h = Observer.observe(session, "wintermute", "sim:wintermute", HideMethod.AUTO);
            VmRecord xoa = h.vms().stream().filter(v -> v.uuid().equals(XOA)).findFirst().orElseThrow();
            assertThat(xoa.pciRaw()).contains("0/0000:0e:00.0");
            assertThat(xoa.pci()).containsExactly(xenpt.desired.PciAddress.parse("0e:00.0"));
            assertThat(sim.traffic().channels()).isEqualTo(1);
            // Round 2: other-config:pci of both VMs (the other's other-config mentions vgpu_pci), the evacuation check.
            assertThat(sim.traffic().commands()).isEqualTo(Reads.ROUND_ONE.size() + 3);
        }
    }

    @Test
    void aFailingSectionFailsAloneInEitherRoundOfTheOneScript() throws Exception {
        String error = "Error: Connection refused (calling connect )";
        try (SimulatedHost sim = SimulatedHost.start("wintermute", dir.resolve("w"));
                HostSession session = connect(sim)) {
            sim.faults().failAt("^xe pif-list ", 1, error).failAt("^xe host-get-vms-which-prevent-evacuation ", 1, error);
            sim.traffic().reset();
            Command preventing = RebootReads.preventing(HOST).orElseThrow();
            TwoRounds.Answers a = TwoRounds.run(session, Reads.ROUND_ONE,
                    one -> List.of(Reads.vmParam(XOA, "power-state"), preventing, Reads.vmParam(XOA, "name-label")));
            assertThat(a.one()).hasSize(Reads.ROUND_ONE.size());
            assertThat(a.one().get(Reads.MANAGEMENT_PIF)).isEqualTo(new CommandResult(Reads.MANAGEMENT_PIF, 1, "", error + "\n"));
            assertThat(a.one().get(Reads.INVENTORY).stdout()).contains("INSTALLATION_UUID='" + HOST + "'");
            assertThat(a.one().get(Reads.VM_LIST).stdout()).contains(XOA);
            assertThat(a.two()).containsOnlyKeys(Reads.vmParam(XOA, "power-state"), preventing, Reads.vmParam(XOA, "name-label"));
            assertThat(a.two().get(preventing)).isEqualTo(new CommandResult(preventing, 1, "", error + "\n"));
            assertThat(a.two().get(Reads.vmParam(XOA, "power-state")).stdout()).isEqualTo("halted\n");
            assertThat(a.two().get(Reads.vmParam(XOA, "name-label")).ok()).isTrue();
            assertThat(sim.traffic().channels()).isEqualTo(1);

            sim.faults().failAt("^xe host-get-vms-which-prevent-evacuation ", 1, error);
            ObservedHost h = Observer.observe(session, "wintermute", "sim:wintermute", HideMethod.AUTO);
            assertThat(h.reboot().preventing()).as("an evacuation check that fails counts as nothing").isEmpty();
            assertThat(h.vms()).isNotEmpty();

            sim.faults().failAt("^xe vm-param-get uuid=22eb15fb-169c-ec9b-0ad4-231dc7210376 param-name=other-config ", 1, error);
            assertThatThrownBy(() -> Observer.observe(session, "wintermute", "sim:wintermute", HideMethod.AUTO))
                    .isInstanceOf(ObservationException.class)
                    .hasMessage("wintermute: xe vm-param-get uuid=22eb15fb-169c-ec9b-0ad4-231dc7210376 "
                            + "param-name=other-config param-key=pci failed: " + error);
        }
    }

    @Test
    void aHostThatClosesTheChannelBeforeTheMarkerFailsAsATransportFailureNamingTheHost() throws Exception {
        try (SimulatedHost sim = SimulatedHost.start("wintermute", dir.resolve("w"));
                HostSession session = connect(sim)) {
            sim.faults().dropAt("^xe vm-list ", 1);
            assertThatThrownBy(() -> Observer.observe(session, "wintermute", "sim:wintermute", HideMethod.AUTO))
                    .isInstanceOf(xenpt.transport.TransportException.class)
                    .hasMessageStartingWith("wintermute: sh -c 'IFS= read -r n");
        }
    }

    private static HostSession connect(SimulatedHost sim) throws Exception {
        SshTarget target = new SshTarget(sim.scenario(), sim.address(), sim.port(), "root", Optional.of(sim.clientKeyFile()),
                Path.of("/nonexistent/known_hosts"), Optional.of(sim.hostKeyFingerprint()), Optional.empty());
        return SshConnector.connect(target, SshOptions.defaults(Map.of(), false));
    }
}
