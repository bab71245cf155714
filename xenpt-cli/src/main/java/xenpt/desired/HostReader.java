package xenpt.desired;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import xenpt.desired.yaml.YamlValue.YMap;
import xenpt.desired.yaml.YamlValue.YScalar;
import xenpt.diag.Diagnostic;
import xenpt.diag.Location;

/**
 * Builds one {@link HostSpec} from its schema-valid mapping: a host's own {@code ssh} and {@code policy} keys override
 * the file's defaults one by one, then the built-in defaults ({@link SshSettings#DEFAULT}, {@link Policy#DEFAULT}).
 */
final class HostReader {

    private final String file;
    private final String name;
    private final Location location;
    private final List<Diagnostic> diagnostics;

    HostReader(String file, String name, Location location, List<Diagnostic> diagnostics) {
        this.file = file;
        this.name = name;
        this.location = location;
        this.diagnostics = diagnostics;
    }

    HostSpec read(YMap host, YMap defaultSsh, YMap defaultPolicy) {
        Formats.hostName(name).ifPresent(problem -> diagnostics.add(Diagnostic.error(location, problem)));
        Optional<YScalar> written = Fields.scalar(host, "address");
        Optional<HostAddress> network = written.flatMap(this::network);
        String address = network.map(HostAddress::host).orElse(written.map(a -> a.text().strip()).orElse(""));
        YMap ownSsh = Fields.map(host, "ssh").orElse(Fields.empty(file));
        checkSsh(ownSsh, diagnostics);
        SshSettings ssh = withAddressPort(ssh(ownSsh, defaultSsh), network.flatMap(HostAddress::port), ownSsh,
                written);
        HideMethod method = Fields.string(host, "method").map(HideMethod::fromWord).orElse(HideMethod.AUTO);
        Policy policy = policy(Fields.map(host, "policy").orElse(Fields.empty(file)), defaultPolicy);
        DeviceReader devices = new DeviceReader(name, diagnostics);
        var hide = Fields.list(host, "hide").map(devices::hide);
        var vms = devices.vms(Fields.map(host, "vms"), hide);
        return new HostSpec(name, address, ssh, method, policy, hide, vms, location);
    }

    /** The address checked; a network address (not {@code sim:}) that parses comes back split into host and port. */
    private Optional<HostAddress> network(YScalar value) {
        String address = value.text().strip();
        Optional<String> problem = Formats.address(address);
        problem.ifPresent(p -> diagnostics.add(Diagnostic.error(value.location(), p)));
        if (problem.isPresent() || address.startsWith("sim:")) return Optional.empty();
        return HostAddress.parse(address) instanceof HostAddress.Parsed.Ok ok ? Optional.of(ok.address()) : Optional.empty();
    }

    /**
     * A port written in the address ({@code host:2222}) is the host's port; it overrides the file's default
     * {@code ssh.port}, and the host's own {@code ssh.port} must not say otherwise (which one would be meant?).
     */
    private SshSettings withAddressPort(SshSettings ssh, Optional<Integer> port, YMap ownSsh, Optional<YScalar> address) {
        if (port.isEmpty()) return ssh;
        Optional<YScalar> own = Fields.scalar(ownSsh, "port");
        if (own.isPresent() && ((Number) own.get().value()).intValue() != port.get()) {
            diagnostics.add(Diagnostic.error(own.get().location(), "ssh.port " + own.get().text() + " of host '" + name
                    + "' conflicts with port " + port.get() + " in its address '" + address.get().text().strip() + "' ("
                    + "line " + address.get().location().line() + ")", "give the port once: in the address or in ssh.port"));
            return ssh;
        }
        return new SshSettings(ssh.user(), port.get(), ssh.identityFile(), ssh.knownHosts(), ssh.hostKey(),
                ssh.passwordEnv());
    }

    private SshSettings ssh(YMap own, YMap defaults) {
        SshSettings d = SshSettings.DEFAULT;
        String user = Fields.merged(own, defaults, "user").map(YScalar::text).orElse(d.user());
        int port = Fields.merged(own, defaults, "port").map(s -> ((Number) s.value()).intValue()).orElse(d.port());
        return new SshSettings(user, port,
                Fields.merged(own, defaults, "identityFile").map(YScalar::text).orElse(d.identityFile()),
                Fields.merged(own, defaults, "knownHosts").map(YScalar::text).orElse(d.knownHosts()),
                Fields.merged(own, defaults, "hostKey").map(YScalar::text).orElse(d.hostKey()),
                Fields.merged(own, defaults, "passwordEnv").map(YScalar::text).orElse(d.passwordEnv()));
    }

    /** Format checks of one {@code ssh} mapping, a host's own or the file's defaults (checked once, used or not). */
    static void checkSsh(YMap ssh, List<Diagnostic> diagnostics) {
        check(Fields.scalar(ssh, "hostKey"), Formats::hostKey, diagnostics);
        check(Fields.scalar(ssh, "passwordEnv"), Formats::passwordEnv, diagnostics);
    }

    private static void check(Optional<YScalar> value, Function<String, Optional<String>> format, List<Diagnostic> out) {
        value.ifPresent(v -> format.apply(v.text()).ifPresent(p -> out.add(Diagnostic.error(v.location(), p))));
    }

    private static Policy policy(YMap own, YMap defaults) {
        Policy d = Policy.DEFAULT;
        Policy.Mode reboot = Fields.merged(own, defaults, "reboot").map(HostReader::mode).orElse(d.reboot());
        Policy.Mode vmRestart = Fields.merged(own, defaults, "vmRestart").map(HostReader::mode).orElse(d.vmRestart());
        boolean prune = Fields.merged(own, defaults, "prune").map(s -> (Boolean) s.value()).orElse(d.prune());
        return new Policy(reboot, vmRestart, prune);
    }

    private static Policy.Mode mode(YScalar word) {
        return word.text().equals("auto") ? Policy.Mode.AUTO : Policy.Mode.MANUAL;
    }
}
