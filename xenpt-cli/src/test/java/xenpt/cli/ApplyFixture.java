package xenpt.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import xenpt.sim.SimulatedHost;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;
import xenpt.transport.ssh.SshConnector;
import xenpt.transport.ssh.SshOptions;
import xenpt.transport.ssh.SshTarget;

/**
 * The wintermute simulator in a temporary directory for apply tests: runs {@code xenpt} in-process against it and
 * gives the test its own SSH session to the same host (state is shared through the state directory) to look at or
 * change the host behind xenpt's back.
 */
final class ApplyFixture implements AutoCloseable {

    static final String WINDOWS = "22eb15fb-169c-ec9b-0ad4-231dc7210376";
    static final String XOA = "5bd4e662-5b08-bd5b-896f-bc39c1f4248c";
    static final String HOST_UUID = "6a3a2c7e-1f0b-4d5e-9c8a-2b1d0e3f4a5b";
    static final String DEFAULT_ENTRY_END = "quiet vga=785 splash plymouth.ignore-serial-consoles";

    final Path dir;
    final Map<String, String> env;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private SimulatedHost sim;
    private HostSession session;
    private int files;
    private String host = "wintermute";

    ApplyFixture(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("home"));
        this.env = Map.of("XENPT_SIM_DIR", dir.resolve("sim").toString(), "HOME", dir.resolve("home").toString(),
                "USER", "tester", "HOSTNAME", "testbox");
    }

    /** Creates the host from the built-in wintermute scenario edited by {@code edit}, rebooting in 200 ms. */
    ApplyFixture scenario(UnaryOperator<String> edit) throws IOException {
        return scenario("wintermute", edit);
    }

    /** Creates the host from the built-in scenario {@code name} edited by {@code edit}; {@link #sim()} serves it. */
    ApplyFixture scenario(String name, UnaryOperator<String> edit) throws IOException {
        host = name;
        String yaml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("xenpt/sim/scenarios/" + name + ".yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        yaml = edit.apply(yaml.replace("reboot-delay-ms: 1000", "reboot-delay-ms: 200"));
        Path state = dir.resolve("sim/" + name);
        Files.createDirectories(state);
        Files.writeString(state.resolve("scenario.yaml"), yaml);
        return this;
    }

    /** The VGA already hidden at boot (and so bound to pciback): a plan may assign it without a hide change. */
    static String vgaHidden(String yaml) {
        return yaml.replaceFirst(DEFAULT_ENTRY_END, DEFAULT_ENTRY_END + " xen-pciback.hide=(0000:01:03.0)");
    }

    Path desired(String yaml) throws IOException {
        Path file = dir.resolve("desired-" + (++files) + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** A desired state for wintermute without {@code hide}: {@code policy} lines and {@code vms} lines, indented. */
    Path desired(String policy, String vms) throws IOException {
        return desired("version: 1\nhosts:\n  wintermute:\n    address: sim:wintermute\n"
                + (policy.isEmpty() ? "" : "    policy:\n" + policy) + (vms.isEmpty() ? "" : "    vms:\n" + vms));
    }

    static String windowsPci(String list) {
        return "      Windows Server 2012 R2:\n        pci: " + list + "\n";
    }

    int run(String... args) {
        return run(Main.Input.none(), args);
    }

    int run(Main.Input in, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return JsonContract.run(in, new PrintWriter(out), new PrintWriter(err), env, args);
    }

    static Main.Input terminal(String answer) {
        return new Main.Input(new BufferedReader(new StringReader(answer)), true);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Both streams, for assertion messages. */
    String output() {
        return "stdout:\n" + out + "\nstderr:\n" + err;
    }

    SimulatedHost sim() throws IOException {
        if (sim == null) sim = SimulatedHost.start(host, dir.resolve("sim/" + host));
        return sim;
    }

    CommandResult sh(String... argv) throws IOException, TransportException {
        if (session == null) {
            SimulatedHost s = sim();
            SshTarget t = new SshTarget("test", s.address(), s.port(), "root", Optional.of(s.clientKeyFile()),
                    dir.resolve("home/known_hosts"), Optional.of(s.hostKeyFingerprint()), Optional.empty());
            session = SshConnector.connect(t, SshOptions.defaults(env, false));
        }
        return session.run(new Command(java.util.List.of(argv)));
    }

    void write(String path, String content) throws IOException, TransportException {
        sh("true");
        session.writeFile(path, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    /** The VM's exact other-config:pci, or empty when the key is absent. */
    Optional<String> pci(String vm) throws IOException, TransportException {
        CommandResult r = sh("xe", "vm-param-get", "uuid=" + vm, "param-name=other-config", "param-key=pci");
        if (!r.ok()) {
            if (!r.stderr().contains("Key pci not found in map")) throw new IllegalStateException(r.stderr());
            return Optional.empty();
        }
        return Optional.of(r.stdout().strip());
    }

    String param(String vm, String name) throws IOException, TransportException {
        return sh("xe", "vm-param-get", "uuid=" + vm, "param-name=" + name).stdout().strip();
    }

    boolean lockHeld() throws IOException, TransportException {
        return sh("test", "-d", "/var/lock/xenpt.lock").ok();
    }

    /** The host journal's lines; none when it does not exist. */
    java.util.List<String> journal() throws IOException, TransportException {
        CommandResult r = sh("cat", "/var/log/xenpt/journal.jsonl");
        return r.ok() ? r.stdout().lines().toList() : java.util.List.of();
    }

    @Override
    public void close() {
        if (session != null) session.close();
        if (sim != null) sim.close();
        session = null;
        sim = null;
    }
}
