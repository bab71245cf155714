package xenpt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code xenpt validate}: schema and semantic checks of the desired state; never contacts a host. */
@Command(name = "validate", description = "Check the desired state (schema and semantics); contacts no host.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        main.err.println("xenpt: validate is not implemented yet");
        return ExitCode.ERROR;
    }
}
