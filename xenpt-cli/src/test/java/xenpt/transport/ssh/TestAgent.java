package xenpt.transport.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real OpenSSH {@code ssh-agent} in the foreground on a socket in a temp dir, and keys made with ssh-keygen. */
final class TestAgent implements AutoCloseable {

    static final Path SSH_AGENT = Path.of("/usr/bin/ssh-agent");

    private final Process process;
    private final Path socket;

    private TestAgent(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    static boolean available() {
        return Files.isExecutable(SSH_AGENT) && Files.isExecutable(Path.of("/usr/bin/ssh-add"))
                && Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
    }

    static TestAgent start(Path dir) throws Exception {
        Path socket = dir.resolve("agent.sock");
        Process p = new ProcessBuilder(SSH_AGENT.toString(), "-D", "-a", socket.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile())
                .start();
        // the agent creates its socket just after starting; wait for it, bounded
        for (int i = 0; i < 500 && !Files.exists(socket); i++) {
            if (!p.isAlive()) throw new IOException("ssh-agent exited: " + Files.readString(dir.resolve("agent.log")));
            Thread.sleep(10);
        }
        if (!Files.exists(socket)) {
            p.destroyForcibly();
            throw new IOException("ssh-agent did not create " + socket);
        }
        return new TestAgent(p, socket);
    }

    Path socket() {
        return socket;
    }

    /** Generates an unencrypted key of {@code type} ({@code ed25519}, {@code rsa}) and returns its private key file. */
    static Path keygen(Path dir, String type, String comment) throws Exception {
        Path key = dir.resolve("id_" + type);
        List<String> cmd = type.equals("rsa")
                ? List.of("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-C", comment, "-f", key.toString())
                : List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", comment, "-f", key.toString());
        exec(cmd, null);
        return key;
    }

    void add(Path key) throws Exception {
        exec(List.of("ssh-add", "-q", key.toString()), socket);
    }

    static String publicKeyLine(Path key) throws IOException {
        return Files.readString(Path.of(key + ".pub"), StandardCharsets.UTF_8).strip() + "\n";
    }

    private static void exec(List<String> cmd, Path agentSocket) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (agentSocket != null) pb.environment().put("SSH_AUTH_SOCK", agentSocket.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(cmd + " failed: " + out);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
