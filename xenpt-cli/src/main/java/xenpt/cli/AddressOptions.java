package xenpt.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import xenpt.desired.HideMethod;
import xenpt.desired.HostAddress;
import xenpt.desired.HostSpec;
import xenpt.desired.Policy;
import xenpt.desired.SshSettings;
import xenpt.diag.Location;

/**
 * How to reach a host given on the command line ({@code inspect --address}, {@code import --address}): the SSH
 * settings a desired-state file would hold in {@code ssh}, as options. Host keys are verified as for any host.
 */
final class AddressOptions {

    @Option(names = "--user", paramLabel = "USER", description = "SSH login user (default: root).")
    String user;

    @Option(names = "--port", paramLabel = "PORT", description = "SSH port (default: 22, or the port in --address).")
    Integer port;

    @Option(names = "--identity", paramLabel = "FILE",
            description = "Private key file (default: the ssh-agent, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa).")
    String identity;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts file (default: ~/.ssh/known_hosts).")
    String knownHosts;

    /** A host spec for {@code address}, or what is wrong with the address or the options. */
    sealed interface Target {
        record Ok(HostSpec spec) implements Target {}

        record Bad(String problem) implements Target {}
    }

    /** The options given, as they are spelled on the command line. */
    List<String> given() {
        List<String> out = new ArrayList<>();
        if (user != null) out.add("--user");
        if (port != null) out.add("--port");
        if (identity != null) out.add("--identity");
        if (knownHosts != null) out.add("--known-hosts");
        return out;
    }

    /** {@code host}, {@code host:port}, {@code [v6]:port}, a bare IPv6 address, or {@code sim:<scenario>}. */
    Target target(String address) {
        if (address.startsWith("sim:")) {
            if (!given().isEmpty()) {
                return new Target.Bad(String.join(", ", given()) + " cannot be used with a sim: address: a simulated"
                        + " host is reached with its own key and pinned host key");
            }
            return new Target.Ok(spec(address, address, SshSettings.DEFAULT));
        }
        return switch (HostAddress.parse(address)) {
            case HostAddress.Parsed.Bad bad -> new Target.Bad("--address: " + bad.problem());
            case HostAddress.Parsed.Ok ok -> network(address, ok.address());
        };
    }

    private Target network(String address, HostAddress a) {
        if (port != null && (port < 1 || port > 65535)) {
            return new Target.Bad("--port " + port + " is out of range; expected 1..65535");
        }
        if (port != null && a.port().isPresent() && !a.port().get().equals(port)) {
            return new Target.Bad("--port " + port + " conflicts with port " + a.port().get() + " in --address "
                    + address + "; give the port once");
        }
        int p = Optional.ofNullable(port).or(a::port).orElse(SshSettings.DEFAULT.port());
        String u = user == null ? SshSettings.DEFAULT.user() : user;
        if (u.isBlank() || u.contains("@")) return new Target.Bad("--user '" + u + "' is not a user name");
        return new Target.Ok(spec(address, a.host(), new SshSettings(u, p, absolute(identity), absolute(knownHosts),
                null, null)));
    }

    /** A relative path made absolute, so that a file {@code import} writes works from any directory; {@code ~} stays. */
    private static String absolute(String path) {
        if (path == null || path.equals("~") || path.startsWith("~/")) return path;
        return Path.of(path).toAbsolutePath().normalize().toString();
    }

    private static HostSpec spec(String name, String host, SshSettings ssh) {
        return new HostSpec(name, host, ssh, HideMethod.AUTO, Policy.DEFAULT, Optional.empty(), List.of(),
                Location.ofFile("--address"));
    }
}
