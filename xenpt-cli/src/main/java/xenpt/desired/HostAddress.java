package xenpt.desired;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host's network address as written in the desired state or given to {@code --address}: a DNS name, an IPv4
 * address or an IPv6 address, optionally with a port, in the forms users know from ssh and URLs:
 * {@code host.example}, {@code host.example:2222}, {@code 10.0.0.5:2222}, {@code [::1]}, {@code [::1]:2222}. A bare
 * IPv6 address ({@code ::1}, {@code fe80::1%eth0}) has no port: its colons are the address's own. {@code sim:<scenario>}
 * is not a network address and is not parsed here.
 *
 * @param host the host without brackets, as a resolver and sshj take it ({@code ::1}, not {@code [::1]})
 * @param port the port written with the address, if any
 */
public record HostAddress(String host, Optional<Integer> port) {

    /** DNS names and IPv4 addresses. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    /** IPv6 addresses (hex groups, an embedded IPv4 tail, an optional zone such as {@code %eth0}). */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9._-]+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    /** What a parse gives: the address, or what is wrong with the text and what is expected. */
    public sealed interface Parsed {
        record Ok(HostAddress address) implements Parsed {}

        record Bad(String problem) implements Parsed {}
    }

    public HostAddress {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        if (host.isEmpty()) throw new IllegalArgumentException("empty host");
        port.ifPresent(p -> {
            if (p < 1 || p > 65535) throw new IllegalArgumentException("port out of range: " + p);
        });
    }

    public static Parsed parse(String text) {
        if (text.isBlank()) return bad("address is empty; expected a DNS name, an IP address or sim:<scenario>");
        if (text.contains("@")) {
            return bad("address '" + text + "' contains '@'; expected a DNS name or an IP address "
                    + "(put the user in ssh.user)");
        }
        if (text.startsWith("[")) return bracketed(text);
        int first = text.indexOf(':');
        if (first < 0) return name(text, text, Optional.empty());
        if (first != text.lastIndexOf(':')) {
            // Two colons or more: a bare IPv6 address, never host:port (write [v6]:port for a port).
            return IPV6.matcher(text).matches() ? ok(text, Optional.empty()) : notAnAddress(text);
        }
        Optional<Integer> port = port(text, text.substring(first + 1));
        if (port.isEmpty()) return portProblem(text, text.substring(first + 1));
        return name(text, text.substring(0, first), port);
    }

    /** {@code [v6]} or {@code [v6]:port}. */
    private static Parsed bracketed(String text) {
        int close = text.indexOf(']');
        if (close < 0) {
            return bad("address '" + text + "' has no closing ']'; expected [IPv6] or [IPv6]:port, e.g. [::1]:2222");
        }
        String inside = text.substring(1, close);
        if (!IPV6.matcher(inside).matches()) {
            return bad("address '" + text + "' has no IPv6 address inside [ ]; expected e.g. [2001:db8::10]:2222");
        }
        String rest = text.substring(close + 1);
        if (rest.isEmpty()) return ok(inside, Optional.empty());
        if (!rest.startsWith(":")) {
            return bad("address '" + text + "' has '" + rest + "' after ']'; expected [IPv6] or [IPv6]:port");
        }
        Optional<Integer> port = port(text, rest.substring(1));
        return port.isEmpty() ? portProblem(text, rest.substring(1)) : ok(inside, port);
    }

    private static Parsed name(String text, String host, Optional<Integer> port) {
        if (host.isEmpty()) return bad("address '" + text + "' has a port but no host; expected host:port");
        if (!NAME.matcher(host).matches()) return notAnAddress(text);
        return ok(host, port);
    }

    private static Optional<Integer> port(String text, String digits) {
        if (!DIGITS.matcher(digits).matches()) return Optional.empty();
        int p = Integer.parseInt(digits);
        return p >= 1 && p <= 65535 ? Optional.of(p) : Optional.empty();
    }

    private static Parsed portProblem(String text, String port) {
        String what = port.isEmpty() ? "an empty port" : "port '" + port + "'";
        return bad("address '" + text + "' has " + what + "; expected a port 1..65535 after the colon, e.g. "
                + "xs1.example.com:2222 or [2001:db8::10]:2222");
    }

    private static Parsed notAnAddress(String text) {
        return bad("address '" + text + "' is not a DNS name or IP address; expected e.g. xs1.example.com, "
                + "192.0.2.10, 192.0.2.10:2222, [2001:db8::10]:2222 or sim:<scenario>");
    }

    private static Parsed ok(String host, Optional<Integer> port) {
        return new Parsed.Ok(new HostAddress(host, port));
    }

    private static Parsed bad(String problem) {
        return new Parsed.Bad(problem);
    }
}
