package xenpt.transport.ssh;

import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import xenpt.transport.Command;
import xenpt.transport.HostSession;

/**
 * Run by {@link KeyFormatsIT} in a JVM of its own: logs in with each identity file given and prints
 * {@code ok FILE: HOSTNAME} or {@code failed FILE: REASON}, then which BouncyCastle JCE provider is registered.
 * Arguments: address port known_hosts fingerprint identity...
 */
public final class KeyFormatsProbe {

    private KeyFormatsProbe() {}

    public static void main(String[] args) {
        for (int i = 4; i < args.length; i++) {
            Path identity = Path.of(args[i]);
            SshTarget target = new SshTarget("probe", args[0], Integer.parseInt(args[1]), "root", Optional.of(identity),
                    Path.of(args[2]), Optional.of(args[3]), Optional.empty());
            SshOptions options = new SshOptions(Duration.ofSeconds(10), Duration.ofSeconds(10), false, 8, Map.of());
            try (HostSession s = SshConnector.connect(target, options)) {
                System.out.println("ok " + identity.getFileName() + ": " + s.run(Command.of("hostname")).stdout().strip());
            } catch (Exception e) {
                System.out.println("failed " + identity.getFileName() + ": " + e.getMessage());
            }
        }
        System.out.println("BouncyCastle provider: " + Arrays.stream(Security.getProviders()).map(Provider::getName)
                .filter(n -> n.equals("BC")).findFirst().orElse("none"));
    }
}
