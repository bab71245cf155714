package xenpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.observed.CannedHost;
import xenpt.transport.ssh.TestSshServer;

class InspectCommandIT {

    @TempDir
    Path home;

    TestSshServer server;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(home.resolve("sftp"));
        server = TestSshServer.start(home.resolve("sftp"));
        Files.createDirectories(home.resolve(".ssh"));
        Files.move(server.writeClientKey(home), home.resolve(".ssh/id_ecdsa"));
        CannedHost.install(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private int run(String... args) {
        return JsonContract.run(new PrintWriter(out), new PrintWriter(err), Map.of("HOME", home.toString()), args);
    }

    @Test
    void inspectAnAddressPrintsFactsDevicesAndVms() throws Exception {
        int code = run("inspect", "--address", "127.0.0.1:" + server.port(), "--accept-new-host-keys");
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("XenServer 7.0.0", CannedHost.HOST_UUID + " (pool master)", "xen-cmdline",
                "/boot/grub/grub.cfg (grub, default entry 'XenServer')", "NOT LOADED");
        assertThat(text).containsPattern("pending reboot: +yes\n");
        assertThat(text).containsPattern("0000:01:03\\.0 +VGA compatible controller +1002:515e +Advanced Micro Devices.*ES1000 +radeon +yes +no +Windows Server 2012 R2");
        assertThat(text).containsPattern("0000:0d:00\\.0 .* management");
        assertThat(text).containsPattern("0000:00:1f\\.2 .* root disk");
        assertThat(text).contains("two\\nlines").doesNotContain("two\nlines");
        assertThat(err.toString()).contains("observing 127.0.0.1:" + server.port() + " ...");
        assertThat(Files.readString(home.resolve(".ssh/known_hosts"))).startsWith("[127.0.0.1]:" + server.port() + " ecdsa-sha2-nistp256 ");
    }

    @Test
    void jsonCarriesTheSameFacts() throws Exception {
        int code = run("-o", "json", "inspect", "--address", "127.0.0.1:" + server.port(), "--accept-new-host-keys");
        assertThat(code).as(err.toString()).isZero();
        JSONObject j = new JSONObject(out.toString());
        assertThat(j.getString("format_version")).isEqualTo("1");
        assertThat(out.toString()).as("key order, the same on every run").containsSubsequence(
                "\"boot\": {", "\"path\":", "\"format\":", "\"default_entry\":", "\"hide\":", "\"runtime\"");
        assertThat(j.getString("backend")).isEqualTo("xen-cmdline");
        assertThat(j.getBoolean("pending_reboot")).isTrue();
        JSONArray devices = j.getJSONArray("devices");
        JSONObject vga = devices.getJSONObject(1);
        assertThat(vga.getString("address")).isEqualTo("0000:01:03.0");
        assertThat(vga.getBoolean("hidden_at_boot")).isTrue();
        assertThat(vga.getJSONArray("assigned_to").toList()).containsExactly("Windows Server 2012 R2");
        assertThat(j.getJSONArray("vms").getJSONObject(0).getString("pci_raw")).isEqualTo("0/0000:01:03.0");
    }

    @Test
    void inspectAHostOfTheDesiredState() throws Exception {
        Path file = home.resolve("hosts.yaml");
        Files.writeString(file, "version: 1\nhosts:\n  wintermute:\n    address: 127.0.0.1\n    ssh:\n      port: " + server.port()
                + "\n      hostKey: " + server.hostKeyFingerprint() + "\n");
        assertThat(run("inspect", "wintermute", "-f", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("wintermute (127.0.0.1)\n");
        assertThat(run("inspect", "nosuch", "-f", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no host 'nosuch' in " + file);
    }

    @Test
    void unknownHostKeyAndUnreachableHostExitOneWithAClearMessage() throws Exception {
        assertThat(run("inspect", "--address", "127.0.0.1:" + server.port())).isEqualTo(1);
        assertThat(err.toString()).contains("is unreachable: connect to 127.0.0.1:" + server.port() + " failed: unknown host key "
                + server.hostKeyFingerprint());
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThat(run("inspect", "--address", "127.0.0.1:" + closed)).isEqualTo(1);
        assertThat(err.toString()).contains("xenpt: 127.0.0.1:" + closed + " is unreachable: connect to 127.0.0.1:" + closed
                + " failed: Connection refused");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void hostAndAddressAreExclusive() {
        assertThat(run("inspect")).isEqualTo(1);
        assertThat(run("inspect", "a", "--address", "b")).isEqualTo(1);
        assertThat(err.toString()).contains("either HOST or --address");
    }

    @Test
    void addressFormsAreSplitIntoHostAndPort() {
        assertThat(spec("10.0.0.1").address()).isEqualTo("10.0.0.1");
        assertThat(spec("10.0.0.1").ssh().port()).isEqualTo(22);
        assertThat(spec("h.example:2222").ssh().port()).isEqualTo(2222);
        assertThat(spec("[::1]:2200").address()).isEqualTo("::1");
        assertThat(spec("fe80::1").address()).isEqualTo("fe80::1");
        assertThat(spec("sim:wintermute").simulated()).isTrue();
    }

    private static xenpt.desired.HostSpec spec(String address) {
        return ((AddressOptions.Target.Ok) new AddressOptions().target(address)).spec();
    }
}
