package xenpt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import xenpt.desired.LoadResult;
import xenpt.desired.git.GitDesiredState;
import xenpt.diag.DiagnosticPrinter;
import xenpt.engine.Fleet;
import xenpt.render.Views;

/** {@code xenpt validate}: schema and semantic checks of the desired state; never contacts a host. */
@Command(name = "validate", description = "Check the desired state (schema and semantics); contacts no host.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin GlobalOptions.Output outputOptions;
    @Mixin GlobalOptions.Verbose verboseOptions;

    @Mixin
    DesiredStateOptions desired;

    @Mixin
    RefOption ref;

    @Override
    public Integer call() {
        GitDesiredState.Loaded loaded = Fleet.read(desired.path(), ref.ref());
        LoadResult result = loaded.result();
        Views views = main.views();
        if (!views.json()) DiagnosticPrinter.print(main.err, result.diagnostics(), loaded.lines());
        views.validation(result).ifPresent(main.out::println);
        if (!views.json() && !result.ok()) {
            main.err.println(Views.invalid(result));
        }
        return result.ok() ? ExitCode.OK : ExitCode.ERROR;
    }
}
