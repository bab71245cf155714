package xenpt.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import xenpt.desired.DesiredStateLoader;
import xenpt.desired.HideMethod;
import xenpt.desired.HostSpec;
import xenpt.desired.LoadResult;
import xenpt.desired.SourceFile;
import xenpt.diag.DiagnosticPrinter;
import xenpt.observed.ObservationException;
import xenpt.observed.ObservedHost;
import xenpt.observed.Observer;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/** The workflow of {@code import}: observe one live host, then check that the YAML made from it is valid. */
public final class Importing {

    private Importing() {}

    /** A host observed for import, with the host key its session verified (pinned in the YAML). */
    public record Observed(ObservedHost host, Optional<String> hostKey) {}

    /** Empty when the host cannot be reached or read; stderr says why. */
    public static Optional<Observed> observe(Session session, HostSpec spec, String name, String address) {
        session.err().println("observing " + address + " ...");
        try (HostSession s = Hosts.connect(spec, session)) {
            return Optional.of(new Observed(Observer.observe(s, name, spec.address(), HideMethod.AUTO), s.hostKeyFingerprint()));
        } catch (TransportException | ObservationException e) {
            session.err().println("xenpt: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether {@code yaml} is a valid desired state; its diagnostics on stderr (as file {@code shown}) when not. */
    public static boolean validates(Session session, String yaml, String shown) {
        List<SourceFile> files = List.of(new SourceFile(shown, yaml.getBytes(StandardCharsets.UTF_8)));
        LoadResult check = DesiredStateLoader.load(files);
        if (check.ok()) return true;
        DiagnosticPrinter.print(session.err(), check.diagnostics(), SourceFile.lines(files));
        session.err().println("xenpt: the imported desired state does not validate; nothing written");
        return false;
    }

    /**
     * {@code sim:wintermute} → {@code wintermute}; {@code 192.0.2.10:2222} → {@code 192.0.2.10}; an IPv6 address,
     * whose colons a host name cannot hold, {@code 2001:db8::10} → {@code 2001-db8--10}.
     */
    public static String defaultName(HostSpec spec) {
        String host = spec.simulated() ? spec.address().substring("sim:".length()) : spec.address();
        return host.replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
    }
}
