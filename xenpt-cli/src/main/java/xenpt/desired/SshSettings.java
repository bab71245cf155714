package xenpt.desired;

import java.util.Objects;

/**
 * How to reach a host over SSH. Paths are as written in the file ({@code ~} not yet expanded).
 *
 * @param identityFile private key file, or {@code null} to use the ssh-agent / default keys
 * @param knownHosts   known_hosts file, or {@code null} for {@code ~/.ssh/known_hosts}
 * @param hostKey      pinned host key fingerprint ({@code SHA256:...}), or {@code null}
 * @param passwordEnv  name of an environment variable holding the password, or {@code null}; never the password
 */
public record SshSettings(String user, int port, String identityFile, String knownHosts, String hostKey, String passwordEnv) {

    public static final SshSettings DEFAULT = new SshSettings("root", 22, null, null, null, null);

    public SshSettings {
        Objects.requireNonNull(user, "user");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }
}
