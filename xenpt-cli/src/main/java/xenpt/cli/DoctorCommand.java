package xenpt.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import xenpt.desired.HostSpec;
import xenpt.engine.Doctoring;
import xenpt.engine.Fleet;

/** {@code xenpt doctor HOST [VM]}: why passthrough does not work there, with evidence and fixes. Reads only. */
@Command(name = "doctor",
        description = "Explain why PCI passthrough does not work on a host (or for one VM): each finding with its evidence"
                + " and the fix. Exit 0 when healthy, 2 with findings. Reads only.")
final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "HOST", description = "A host of the desired state.")
    String host;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VM", description = "Only this VM (name-label or uuid).")
    String vm;

    @Mixin GlobalOptions.Output outputOptions;
    @Mixin GlobalOptions.Verbose verboseOptions;
    @Mixin GlobalOptions.HostAccess hostAccess;

    @Mixin
    DesiredStateOptions desired;

    @Override
    public Integer call() {
        Optional<HostSpec> spec = Fleet.host(main.session(), desired.path(), host);
        if (spec.isEmpty()) return ExitCode.ERROR;
        Doctoring.Outcome o = Doctoring.run(main.session(), spec.get(), Optional.ofNullable(vm));
        if (o.report().isEmpty()) {
            main.err.println("xenpt: " + o.error());
            return ExitCode.ERROR;
        }
        main.out.print(main.views().doctor(o.report().get()));
        return o.report().get().healthy() ? ExitCode.OK : ExitCode.CHANGES;
    }
}
