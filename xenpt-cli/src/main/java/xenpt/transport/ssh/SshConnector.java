package xenpt.transport.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordUtils;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * Opens one verified, authenticated SSH connection to a host.
 *
 * <p>Authentication tries, in order: the identity file, or without one each key held by the ssh-agent at
 * {@code $SSH_AUTH_SOCK} (when set; an unreachable agent is skipped and named in the failure message) and then the
 * default keys {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa} that exist; then the password from the
 * environment variable named by {@code passwordEnv}. The agent is spoken to directly ({@link AgentClient}) because
 * sshj reaches one only through extra libraries.
 */
public final class SshConnector {

    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    /**
     * One algorithm configuration for every connection ({@link SshAlgorithms}): building a {@link DefaultConfig} probes
     * every cipher's availability, which costs more than a loopback handshake. It only holds factories, so sharing it
     * is safe.
     */
    private static final class Config {
        static final DefaultConfig SHARED = SshAlgorithms.config();
    }

    private SshConnector() {}

    /** Connects, verifies the host key, authenticates. @throws TransportException naming host, endpoint and cause */
    public static HostSession connect(SshTarget target, SshOptions options) throws TransportException {
        SSHClient ssh = new SSHClient(Config.SHARED);
        HostKeyCheck check = new HostKeyCheck(target, options.acceptNewHostKeys());
        ssh.addHostKeyVerifier(check);
        ssh.setSocketFactory(NoDelaySockets.INSTANCE);
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        ssh.setConnectTimeout(timeoutMs);
        ssh.getTransport().setTimeoutMs(timeoutMs);
        try {
            ssh.connect(target.host(), target.port());
        } catch (IOException | RuntimeException e) {
            closeQuietly(ssh);
            String reason = check.refusal().orElseGet(() -> Failures.reason(e));
            throw new TransportException(target.name() + ": connect to " + target.endpoint() + " failed: " + reason, e);
        }
        authenticate(ssh, target, options);
        return new SshHostSession(target.name(), ssh, options, check.verified());
    }

    private static void authenticate(SSHClient ssh, SshTarget target, SshOptions options) throws TransportException {
        List<AuthMethod> methods = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        try (AgentClient agent = target.identityFile().isPresent() ? null : agent(options, methods, tried)) {
            addKeyFiles(ssh, target, options, methods, tried);
            addPassword(target, options, methods, tried);
            auth(ssh, target, methods, tried);
        }
    }

    /**
     * Adds one method per key held by the agent at {@code $SSH_AUTH_SOCK}; returns the open agent connection (needed
     * until authentication ends), or null without a reachable agent.
     */
    private static AgentClient agent(SshOptions options, List<AuthMethod> methods, List<String> tried) {
        String sock = options.env().get("SSH_AUTH_SOCK");
        if (sock == null || sock.isBlank()) return null;
        AgentClient agent = null;
        try {
            agent = AgentClient.connect(Path.of(sock));
            List<AgentIdentity> ids = agent.identities();
            for (AgentIdentity id : ids) {
                methods.add(new AuthAgentKey(agent, id));
                tried.add("ssh-agent key " + id);
            }
            if (ids.isEmpty()) tried.add("ssh-agent (no keys)");
            return agent;
        } catch (IOException | RuntimeException e) {
            if (agent != null) agent.close();
            tried.add("ssh-agent at " + sock + " (" + Failures.reason(e) + ")");
            return null;
        }
    }

    private static void addKeyFiles(SSHClient ssh, SshTarget target, SshOptions options, List<AuthMethod> methods,
            List<String> tried) throws TransportException {
        try {
            for (Path key : keyFiles(target, options)) {
                methods.add(new AuthPublickey(ssh.loadKeys(key.toString())));
                tried.add("key " + key);
            }
        } catch (IOException e) {
            closeQuietly(ssh);
            throw new TransportException(target.name() + ": cannot load SSH key: " + Failures.reason(e), e);
        }
    }

    private static void addPassword(SshTarget target, SshOptions options, List<AuthMethod> methods, List<String> tried) {
        if (target.passwordEnv().isPresent()) {
            String var = target.passwordEnv().get();
            String password = options.env().get(var);
            if (password != null) {
                methods.add(new AuthPassword(PasswordUtils.createOneOff(password.toCharArray())));
                tried.add("password from $" + var);
            } else {
                tried.add("no password ($" + var + " is not set)");
            }
        }
    }

    private static void auth(SSHClient ssh, SshTarget target, List<AuthMethod> methods, List<String> tried)
            throws TransportException {
        try {
            if (methods.isEmpty()) throw new IOException("no key and no password to try");
            ssh.auth(target.user(), methods);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ssh);
            throw new TransportException(target.name() + ": authentication as " + target.user() + " to "
                    + target.endpoint() + " failed: " + Failures.reason(e) + " (tried: " + String.join(", ", tried) + ")", e);
        }
    }

    private static List<Path> keyFiles(SshTarget target, SshOptions options) throws IOException {
        if (target.identityFile().isPresent()) {
            Path file = target.identityFile().get();
            if (!Files.isReadable(file)) throw new IOException("identity file " + file + " is missing or unreadable");
            if (!Files.isRegularFile(file)) throw new IOException("identity file " + file + " is not a regular file");
            return List.of(file);
        }
        String home = options.env().getOrDefault("HOME", System.getProperty("user.home"));
        return DEFAULT_KEYS.stream().map(k -> Path.of(home, ".ssh", k))
                .filter(p -> Files.isReadable(p) && Files.isRegularFile(p)).toList();
    }

    static void closeQuietly(SSHClient ssh) {
        try {
            ssh.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a failed connection: nothing left to report
        }
    }
}
