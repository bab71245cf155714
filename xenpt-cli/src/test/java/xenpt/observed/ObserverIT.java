package xenpt.observed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.desired.HideMethod;
import xenpt.desired.HostSpec;
import xenpt.desired.PciAddress;
import xenpt.desired.Policy;
import xenpt.desired.SshSettings;
import xenpt.diag.Location;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;
import xenpt.transport.ssh.SshConnector;
import xenpt.transport.ssh.SshOptions;
import xenpt.transport.ssh.SshTarget;
import xenpt.transport.ssh.TestSshServer;
import xenpt.transport.ssh.TestSshServer.Reply;

class ObserverIT {

    @TempDir
    Path tmp;

    TestSshServer server;
    Path key;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(tmp.resolve("root"));
        server = TestSshServer.start(tmp.resolve("root"));
        key = server.writeClientKey(tmp);
        CannedHost.install(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HostSession connect(String name, int port) throws TransportException {
        SshTarget t = new SshTarget(name, "127.0.0.1", port, "root", Optional.of(key), tmp.resolve("known_hosts"),
                Optional.of(server.hostKeyFingerprint()), Optional.empty());
        return SshConnector.connect(t, new SshOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), false, 8, Map.of()));
    }

    private static HostSpec spec(String name, HideMethod method) {
        return new HostSpec(name, "127.0.0.1", SshSettings.DEFAULT, method, Policy.DEFAULT, Optional.empty(), List.of(),
                Location.ofFile("hosts.yaml"));
    }

    private ObservedHost observe(HideMethod method) throws Exception {
        try (HostSession s = connect("wintermute", server.port())) {
            return Observer.observe(s, "wintermute", "127.0.0.1", method);
        }
    }

    @Test
    void wintermuteIsObservedWithItsDevicesVmsAndPendingReboot() throws Exception {
        ObservedHost h = observe(HideMethod.AUTO);
        assertThat(h.info()).isEqualTo(new HostInfo("XenServer", "7.0.0", CannedHost.HOST_UUID, "", true));
        assertThat(h.backend()).isEqualTo(HideMethod.XEN_CMDLINE);
        assertThat(h.boot().path()).isEqualTo("/boot/grub/grub.cfg");
        assertThat(h.boot().hide().devices()).containsExactly(PciAddress.parse("01:03.0"), PciAddress.parse("0e:00.0"));
        assertThat(h.runtime().pcibackLoaded()).isFalse();
        assertThat(h.runtime().cmdlineHide().present()).isFalse();
        assertThat(h.runtime().bootId()).isEqualTo("5f1b7c2e-0d6a-4d0e-9a51-3f3c2b9e8d01");
        assertThat(h.pendingReboot()).isTrue();
        assertThat(h.devices()).extracting(d -> d.address().shortForm()).containsExactly("00:1f.2", "01:03.0", "0d:00.0", "0e:00.0");
        assertThat(h.managementDevices()).containsExactly(PciAddress.parse("0d:00.0"));
        assertThat(h.rootDiskDevices()).containsExactly(PciAddress.parse("00:1f.2"));
        assertThat(h.pciObjects()).isEmpty();
        assertThat(h.vms()).extracting(VmRecord::nameLabel).containsExactly("Windows Server 2012 R2", "XOA 4.15 Free", "two\nlines");
        VmRecord win = h.vms().get(0);
        assertThat(win.pciRaw()).contains("0/0000:01:03.0");
        assertThat(win.pci()).containsExactly(PciAddress.parse("01:03.0"));
        assertThat(win.residentOn()).isEqualTo(CannedHost.HOST_UUID);
        assertThat(win.domId()).isEqualTo(3);
        assertThat(win.attached()).contains(java.util.Set.of(PciAddress.parse("01:03.0")));
        assertThat(h.vms().get(1).attached()).as("a halted VM holds nothing knowable").isEmpty();
        assertThat(h.vms().get(1).pciRaw()).isEmpty();
        assertThat(h.vms().get(1).affinity()).isEmpty();
        assertThat(h.vms().get(2).powerState()).isEqualTo(PowerState.HALTED);
    }

    @Test
    void theRebootFactsComeFromRoundOneAndTheEvacuationCheckFromRoundTwo() throws Exception {
        ObservedHost h = observe(HideMethod.AUTO);
        assertThat(h.reboot().poolHosts()).isEqualTo(1);
        assertThat(h.reboot().haEnabled()).isFalse();
        assertThat(h.reboot().haProtected()).isEmpty();
        assertThat(h.reboot().preventing()).containsExactly(java.util.Map.entry(CannedHost.WIN, "NO_HOSTS_AVAILABLE"));
        assertThat(server.channels()).as("both rounds on one channel").isEqualTo(1);
        assertThat(RebootReads.preventing("not-a-uuid")).as("an inventory uuid that is not one is never asked").isEmpty();
    }

    @Test
    void allReadsGoOverOneConnectionInOneChannel() throws Exception {
        server.latency(Duration.ofMillis(50));
        List<String> progress = new ArrayList<>();
        List<Observation> all = Observer.observeAll(List.of(spec("wintermute", HideMethod.AUTO)), 4,
                h -> connect(h.name(), server.port()), progress::add);
        assertThat(all).singleElement().isInstanceOf(Observation.Reached.class);
        assertThat(server.connections()).isEqualTo(1);
        // One script in two round trips: round 1's fixed reads (three of them reboot facts), then round 2's
        // requests: 2 other-config:pci reads, 6 + 6 for the odd and the forged record, and the evacuation check.
        assertThat(server.channels()).isEqualTo(1);
        assertThat(server.received()).hasSize(Reads.ROUND_ONE.size() + 2 + 6 + 6 + 1);
        assertThat(progress.get(0)).isEqualTo("observing wintermute ...");
        assertThat(progress.get(1)).matches("wintermute: observed in \\d+ ms");
    }

    @Test
    void anExplicitMethodIsRespected() throws Exception {
        assertThat(observe(HideMethod.GRUB).backend()).isEqualTo(HideMethod.GRUB);
        assertThat(observe(HideMethod.XAPI).backend()).isEqualTo(HideMethod.XAPI);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> observe(HideMethod.EXTLINUX))
                .isInstanceOf(ObservationException.class)
                .hasMessageStartingWith("wintermute: no boot configuration for method extlinux");
    }

    @Test
    void thePciApiWinsAndItsObjectsOfThisHostAreKept() throws Exception {
        CannedHost.on(server, Reads.PCI_LIST, Reply.ok(
                "uuid ( RO)         : 17b62764-f979-7226-111c-deea6f9b530e\n       pci-id ( RO): 0000:01:03.0\n    host-uuid ( RO): "
                        + CannedHost.HOST_UUID + "\n\n\n"
                        + "uuid ( RO)         : 27b62764-f979-7226-111c-deea6f9b530e\n       pci-id ( RO): 0000:01:03.0\n    host-uuid ( RO): other\n\n\n"));
        ObservedHost h = observe(HideMethod.AUTO);
        assertThat(h.backend()).isEqualTo(HideMethod.XAPI);
        assertThat(h.pciObjects()).containsExactly(Map.entry(PciAddress.parse("01:03.0"), "17b62764-f979-7226-111c-deea6f9b530e"));
    }

    @Test
    void withoutXenCmdlineAGrubHostUsesGrub() throws Exception {
        CannedHost.on(server, Reads.XEN_CMDLINE, Reply.fail(127, "sh: /opt/xensource/libexec/xen-cmdline: No such file or directory\n"));
        assertThat(observe(HideMethod.AUTO).backend()).isEqualTo(HideMethod.GRUB);
    }

    @Test
    void aHostThatIsNotXenServerOrIsDownIsUnreachableAndTheOthersGoOn() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        int dead = closed;
        List<String> progress = new ArrayList<>();
        List<Observation> all = Observer.observeAll(List.of(spec("a-down", HideMethod.AUTO), spec("wintermute", HideMethod.AUTO)), 2,
                h -> connect(h.name(), h.name().equals("a-down") ? dead : server.port()), progress::add);
        assertThat(all.get(0)).isEqualTo(new Observation.Unreachable("a-down", "127.0.0.1",
                "connect to 127.0.0.1:" + dead + " failed: Connection refused"));
        assertThat(all.get(1)).isInstanceOf(Observation.Reached.class);
        assertThat(progress).contains("a-down: unreachable: connect to 127.0.0.1:" + dead + " failed: Connection refused");

        CannedHost.on(server, Reads.INVENTORY, Reply.fail(1, "cat: /etc/xensource-inventory: No such file or directory\n"));
        Observation notXen = Observer.observeAll(List.of(spec("plain", HideMethod.AUTO)), 1, h -> connect(h.name(), server.port()), l -> {}).get(0);
        assertThat(notXen).isInstanceOf(Observation.Unreachable.class);
        assertThat(((Observation.Unreachable) notXen).reason()).startsWith("not a XenServer / XCP-ng host");
    }

    @Test
    void xapiDownFailsTheObservationWithXesMessage() throws Exception {
        CannedHost.on(server, Reads.VM_LIST, Reply.fail(1, "Error: Connection refused (calling connect )\n"));
        Observation o = Observer.observeAll(List.of(spec("wintermute", HideMethod.AUTO)), 1, h -> connect(h.name(), server.port()), l -> {}).get(0);
        assertThat(((Observation.Unreachable) o).reason()).isEqualTo("xe vm-list failed: Error: Connection refused (calling connect )");
    }
}
