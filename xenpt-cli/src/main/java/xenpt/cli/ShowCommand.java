package xenpt.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import xenpt.engine.PlanFiles;
import xenpt.plan.Plan;

/** {@code xenpt show PLANFILE}: render a saved plan; contacts no host. */
@Command(name = "show", description = "Render a saved plan (text, json or markdown); contacts no host.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin GlobalOptions.Output outputOptions;
    @Mixin GlobalOptions.Verbose verboseOptions;

    @Parameters(paramLabel = "PLANFILE", description = "A plan saved with 'plan --out'.")
    Path file;

    @Mixin
    UnchangedOption unchanged;

    @Override
    public Integer call() throws IOException {
        Plan plan;
        try {
            plan = PlanFiles.readPlan(file);
        } catch (NoSuchFileException e) {
            main.err.println("xenpt: " + file + ": no such file");
            return ExitCode.ERROR;
        } catch (IOException e) {
            main.err.println("xenpt: " + file + ": cannot read the plan: " + e.getMessage());
            return ExitCode.ERROR;
        } catch (IllegalArgumentException e) {
            // PlanJson.read's message already starts with "not a saved xenpt plan".
            main.err.println("xenpt: " + file + ": " + e.getMessage());
            return ExitCode.ERROR;
        }
        main.out.println(unchanged.views(main).plan(plan));
        return plan.failed() ? ExitCode.ERROR : ExitCode.OK;
    }
}
