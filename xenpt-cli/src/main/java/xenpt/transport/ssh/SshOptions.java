package xenpt.transport.ssh;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How connections behave.
 *
 * @param connectTimeout     TCP connect and key exchange
 * @param commandTimeout     one command or file transfer, from channel open to exit status
 * @param acceptNewHostKeys  trust and record the key of a host absent from known_hosts (never a changed key)
 * @param maxChannels        session channels open at once on one connection, at most: a whole round of reads fits,
 *                           so it costs one round trip. A server with a lower limit (OpenSSH's {@code MaxSessions},
 *                           default 10, SFTP included) refuses the channels above it; the connection then keeps
 *                           to that limit (see {@code ChannelGate})
 * @param env                the environment, for {@code ssh.passwordEnv}, {@code ~} and {@code SSH_AUTH_SOCK}
 */
public record SshOptions(
        Duration connectTimeout, Duration commandTimeout, boolean acceptNewHostKeys, int maxChannels, Map<String, String> env) {

    public static final int DEFAULT_MAX_CHANNELS = 32;

    public SshOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (maxChannels < 1) throw new IllegalArgumentException("maxChannels must be at least 1");
        env = Map.copyOf(env);
    }

    public static SshOptions defaults(Map<String, String> env, boolean acceptNewHostKeys) {
        return new SshOptions(Duration.ofSeconds(15), Duration.ofSeconds(120), acceptNewHostKeys, DEFAULT_MAX_CHANNELS, env);
    }
}
