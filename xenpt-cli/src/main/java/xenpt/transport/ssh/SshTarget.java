package xenpt.transport.ssh;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom to connect.
 *
 * @param name         host name used in messages ({@code wintermute})
 * @param host         DNS name or IP address
 * @param identityFile private key file, the only key tried; empty: the keys of the ssh-agent at {@code $SSH_AUTH_SOCK},
 *                     then the default keys {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa} that exist
 * @param knownHosts   OpenSSH known_hosts file, consulted only without {@code hostKeyPin}
 * @param hostKeyPin   pinned host key fingerprint, {@code SHA256:<base64 without padding>}
 * @param passwordEnv  name of the environment variable holding the password (never the password itself)
 */
public record SshTarget(
        String name,
        String host,
        int port,
        String user,
        Optional<Path> identityFile,
        Path knownHosts,
        Optional<String> hostKeyPin,
        Optional<String> passwordEnv) {

    public SshTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(identityFile, "identityFile");
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(hostKeyPin, "hostKeyPin");
        Objects.requireNonNull(passwordEnv, "passwordEnv");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }

    /** {@code host:port}, as used in messages. */
    public String endpoint() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
