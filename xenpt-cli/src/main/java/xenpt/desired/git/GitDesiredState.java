package xenpt.desired.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import xenpt.desired.DesiredState;
import xenpt.desired.DesiredStateLoader;
import xenpt.desired.LoadResult;
import xenpt.desired.SourceFile;
import xenpt.desired.yaml.YamlReader;
import xenpt.diag.Diagnostic;
import xenpt.diag.Location;
import xenpt.diag.SourceLines;

/**
 * Loads the desired state that {@code -f PATH} names, either as it is at a git ref or as it is in the working tree,
 * and records the commit in {@link DesiredState#commit()}. Files read at a ref are named {@code PATH@<short sha>} in
 * diagnostics, so a reviewer sees which version is wrong.
 */
public final class GitDesiredState {

    /** Digits of the commit shown in file names. */
    static final int SHORT = 7;

    /**
     * The outcome of a load and the source lines to print its diagnostics with.
     *
     * @param commit the full sha the files were read at, when known
     */
    public record Loaded(LoadResult result, SourceLines lines, Optional<String> commit) {}

    private GitDesiredState() {}

    /**
     * Loads PATH (a file, or the {@code *.yaml}/{@code *.yml} files directly in a directory) as at {@code ref} in the
     * repository that holds PATH. Problems with the repository, the ref or the path are diagnostics at PATH.
     */
    public static Loaded atRef(Path path, String ref) {
        String shown = path.toString();
        try {
            Optional<GitTree> found = GitTree.find(path);
            if (found.isEmpty()) {
                return failed(Diagnostic.error(Location.ofFile(shown), "not inside a git repository",
                        "--ref reads the desired state from the git repository that holds -f PATH"));
            }
            try (GitTree git = found.get()) {
                Optional<RevCommit> commit = git.resolve(ref);
                if (commit.isEmpty()) {
                    return failed(Diagnostic.error(Location.ofFile(shown), "unknown git ref '" + ref + "' in " + git.workTree,
                            "expected a branch, tag, commit id, or an expression such as HEAD~1 or origin/main"));
                }
                return read(git, commit.get(), path, ref);
            }
        } catch (IOException e) {
            return failed(Diagnostic.error(Location.ofFile(shown), "cannot read git repository: " + e.getMessage()));
        }
    }

    private static Loaded read(GitTree git, RevCommit commit, Path path, String ref) throws IOException {
        String sha = commit.name();
        String at = "@" + sha.substring(0, SHORT);
        String shown = path.toString();
        List<Diagnostic> problems = new ArrayList<>();
        List<SourceFile> files = new ArrayList<>();
        switch (git.entry(commit, git.relative(path))) {
            case GitTree.Entry.Absent a -> problems.add(Diagnostic.error(Location.ofFile(shown + at),
                    "no such file or directory at '" + ref + "' (commit " + sha.substring(0, SHORT) + ")",
                    "-f names a desired-state file or directory as it is in that commit"));
            case GitTree.Entry.Other o -> problems.add(Diagnostic.error(Location.ofFile(shown + at),
                    "is " + o.kind() + " at '" + ref + "'", "-f names a desired-state file or a directory of them"));
            case GitTree.Entry.File f -> add(git, f.blob(), shown + at, files, problems);
            case GitTree.Entry.Directory d -> {
                if (d.yamlFiles().isEmpty()) {
                    problems.add(Diagnostic.error(Location.ofFile(shown + at), "no *.yaml or *.yml files in directory "
                            + shown + " at '" + ref + "'", "-f names a desired-state file or a directory of them"));
                }
                for (GitTree.Blob b : d.yamlFiles()) add(git, b, Path.of(shown).resolve(b.name()) + at, files, problems);
            }
        }
        if (!problems.isEmpty()) return failed(problems, SourceFile.lines(files));
        return withCommit(DesiredStateLoader.load(files), SourceFile.lines(files), sha);
    }

    private static void add(GitTree git, GitTree.Blob blob, String name, List<SourceFile> files, List<Diagnostic> problems)
            throws IOException {
        long size = git.size(blob);
        if (size > YamlReader.MAX_FILE_BYTES) problems.add(YamlReader.tooLarge(name, size));
        else files.add(new SourceFile(name, git.read(blob)));
    }

    /**
     * Loads PATH from the working tree, as {@link DesiredStateLoader#load(Path)} does, and records the HEAD commit
     * when PATH is inside a git working tree and unmodified there (no change, no untracked file); otherwise the
     * commit stays unknown. Finding the commit is best effort: any git problem leaves it unknown.
     */
    public static Loaded workingTree(Path path) {
        LoadResult result = DesiredStateLoader.load(path);
        Optional<String> head = result.ok() ? cleanHead(path) : Optional.empty();
        return head.map(sha -> withCommit(result, SourceLines.fromDisk(), sha))
                .orElseGet(() -> new Loaded(result, SourceLines.fromDisk(), Optional.empty()));
    }

    static Optional<String> cleanHead(Path path) {
        try {
            Optional<GitTree> found = GitTree.find(path);
            if (found.isEmpty()) return Optional.empty();
            try (GitTree git = found.get(); Git api = Git.wrap(git.repo)) {
                ObjectId head = git.repo.resolve(Constants.HEAD + "^{commit}");
                if (head == null) return Optional.empty();
                String rel = git.relative(path);
                var status = api.status();
                if (!rel.isEmpty()) status.addPath(rel);
                Status s = status.call();
                return s.isClean() ? Optional.of(head.name()) : Optional.empty();
            }
        } catch (IOException | GitAPIException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Loaded withCommit(LoadResult r, SourceLines lines, String sha) {
        Optional<DesiredState> state = r.state().map(s -> new DesiredState(s.hosts(), s.digest(), Optional.of(sha)));
        return new Loaded(new LoadResult(state, r.diagnostics()), lines, Optional.of(sha));
    }

    private static Loaded failed(Diagnostic d) {
        return failed(List.of(d), SourceLines.none());
    }

    private static Loaded failed(List<Diagnostic> problems, SourceLines lines) {
        return new Loaded(new LoadResult(Optional.empty(), problems), lines, Optional.empty());
    }
}
