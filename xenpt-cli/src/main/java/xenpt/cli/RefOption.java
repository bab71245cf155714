package xenpt.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --ref REF}: read the desired state as it is at a git ref instead of from the working tree. */
public final class RefOption {

    @Option(names = "--ref", paramLabel = "REF",
            description = "Read the desired-state files at this git ref (branch, tag, commit, HEAD~1…) of the repository"
                    + " that holds -f PATH, without touching the working tree.")
    String ref;

    public Optional<String> ref() {
        return Optional.ofNullable(ref);
    }
}
