package xenpt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xenpt.desired.DesiredStateLoader;
import xenpt.desired.HideMethod;
import xenpt.desired.HostSpec;
import xenpt.desired.LoadResult;
import xenpt.desired.SourceFile;
import xenpt.diag.DiagnosticPrinter;
import xenpt.engine.Hosts;
import xenpt.observed.ObservationException;
import xenpt.observed.ObservedHost;
import xenpt.observed.Observer;
import xenpt.transport.HostSession;
import xenpt.render.Views;
import xenpt.transport.TransportException;

/**
 * {@code xenpt import}: observe one live host and write the desired-state YAML that matches it, so that applying it
 * back plans no change. The document is checked with the ordinary loader before it is written; nothing is written
 * when it would not validate.
 */
@Command(name = "import", description = "Observe a live host and write desired-state YAML that matches it. Reads only.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--address", required = true, paramLabel = "A", description = "host[:port] or sim:<scenario>.")
    String address;

    @Option(names = "--name", paramLabel = "N", description = "Host name in the file (default: the scenario of a sim: address, else the address's host).")
    String name;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (must not exist) instead of stdout.")
    Path out;

    @Mixin
    AddressOptions ssh;

    @Override
    public Integer call() throws IOException {
        HostSpec spec;
        switch (ssh.target(address)) {
            case AddressOptions.Target.Bad bad -> {
                main.err.println("xenpt: " + bad.problem());
                return ExitCode.ERROR;
            }
            case AddressOptions.Target.Ok ok -> spec = ok.spec();
        }
        String hostName = name != null ? name : defaultName(spec);
        ObservedHost observed;
        Optional<String> hostKey;
        main.err.println("observing " + address + " ...");
        try (HostSession session = Hosts.connect(spec, main.session())) {
            observed = Observer.observe(session, hostName, spec.address(), HideMethod.AUTO);
            hostKey = session.hostKeyFingerprint();
        } catch (TransportException | ObservationException e) {
            main.err.println("xenpt: " + e.getMessage());
            return ExitCode.ERROR;
        }
        String yaml = Views.importedYaml(hostName, spec, observed, hostKey, w -> main.err.println("xenpt: warning: " + w));
        String shown = out == null ? "imported desired state" : out.toString();
        List<SourceFile> files = List.of(new SourceFile(shown, yaml.getBytes(StandardCharsets.UTF_8)));
        LoadResult check = DesiredStateLoader.load(files);
        if (!check.ok()) {
            DiagnosticPrinter.print(main.err, check.diagnostics(), SourceFile.lines(files));
            main.err.println("xenpt: the imported desired state does not validate; nothing written");
            return ExitCode.ERROR;
        }
        if (out == null) {
            main.out.print(yaml);
        } else {
            try {
                Files.writeString(out, yaml, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                main.err.println("xenpt: " + out + " exists; choose another file or remove it first");
                return ExitCode.ERROR;
            }
            main.err.println("xenpt: wrote " + out + " (check it with: xenpt plan -f " + out + ")");
        }
        return ExitCode.OK;
    }

    /**
     * {@code sim:wintermute} → {@code wintermute}; {@code 192.0.2.10:2222} → {@code 192.0.2.10}; an IPv6 address,
     * whose colons a host name cannot hold, {@code 2001:db8::10} → {@code 2001-db8--10}.
     */
    static String defaultName(HostSpec spec) {
        String host = spec.simulated() ? spec.address().substring("sim:".length()) : spec.address();
        return host.replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
    }
}
