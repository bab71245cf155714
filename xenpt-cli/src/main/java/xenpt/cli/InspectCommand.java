package xenpt.cli;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import xenpt.desired.HostSpec;
import xenpt.engine.Fleet;
import xenpt.observed.Observation;

/** {@code xenpt inspect}: the observed state of one host; reads only. */
@Command(name = "inspect",
        description = "Show the observed state of one host: version, backend, boot hide list, pciback, devices, VMs. Reads only.")
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin GlobalOptions.Output outputOptions;
    @Mixin GlobalOptions.Verbose verboseOptions;
    @Mixin GlobalOptions.HostAccess hostAccess;

    @Parameters(arity = "0..1", paramLabel = "HOST", description = "A host of the desired state.")
    String host;

    @Option(names = "--address", paramLabel = "A", description = "Inspect this address instead: host[:port] or sim:<scenario>.")
    String address;

    @Mixin
    DesiredStateOptions desired;

    @Mixin
    AddressOptions ssh;

    @Override
    public Integer call() throws IOException {
        if ((host == null) == (address == null)) {
            main.err.println("xenpt: inspect needs either HOST or --address A (not both)");
            return ExitCode.ERROR;
        }
        Optional<HostSpec> spec;
        if (address != null) {
            switch (ssh.target(address)) {
                case AddressOptions.Target.Bad bad -> {
                    main.err.println("xenpt: " + bad.problem());
                    return ExitCode.ERROR;
                }
                case AddressOptions.Target.Ok ok -> spec = Optional.of(ok.spec());
            }
        } else if (!ssh.given().isEmpty()) {
            main.err.println("xenpt: " + String.join(", ", ssh.given()) + " apply to --address only; a host of the"
                    + " desired state is reached with its ssh settings there");
            return ExitCode.ERROR;
        } else {
            spec = Fleet.host(main.session(), desired.path(), host);
            if (spec.isEmpty()) return ExitCode.ERROR;
        }
        Observation o = Fleet.observe(main.session(), List.of(spec.get())).get(0);
        return switch (o) {
            case Observation.Unreachable u -> {
                main.err.println("xenpt: " + u.name() + " is unreachable: " + u.reason());
                yield ExitCode.ERROR;
            }
            case Observation.Reached r -> {
                main.out.print(main.views().inspect(r.host()));
                yield ExitCode.OK;
            }
        };
    }
}
