package xenpt.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -f/--file PATH}: where the desired state is, for every command that reads it. */
public final class DesiredStateOptions {

    @Option(names = {"-f", "--file"}, paramLabel = "PATH", defaultValue = "desired-state/",
            description = "Desired-state file, or directory of *.yaml/*.yml files (default: ${DEFAULT-VALUE}).")
    Path file;

    public Path path() {
        return file;
    }
}
