package xenpt.desired.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.desired.DesiredState;
import xenpt.desired.HideEntry;
import xenpt.diag.Diagnostic;

class GitDesiredStateTest {

    @TempDir
    Path repo;

    static String host(String name, String... hide) {
        return "version: 1\nhosts:\n  " + name + ":\n    address: 192.0.2.10\n    hide: [" + String.join(", ", hide) + "]\n";
    }

    private RevCommit commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call();
    }

    @Test
    void readsAFileAndADirectoryAsAtARefWithoutTouchingTheWorkingTree() throws Exception {
        Path dir = Files.createDirectories(repo.resolve("desired-state"));
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("b.yaml"), host("b", "0e:00.0"));
            Files.writeString(dir.resolve("a.yml"), host("a"));
            Files.writeString(dir.resolve("notes.txt"), "not yaml");
            RevCommit first = commit(git, "first");
            Files.writeString(dir.resolve("b.yaml"), host("b", "0e:00.0", "01:03.0"));
            RevCommit second = commit(git, "second");
            Files.writeString(dir.resolve("b.yaml"), "garbage: [");

            GitDesiredState.Loaded old = GitDesiredState.atRef(dir, "HEAD~1");
            assertThat(old.result().diagnostics()).isEmpty();
            DesiredState s = old.result().state().orElseThrow();
            assertThat(s.commit()).contains(first.name());
            assertThat(s.hosts()).extracting(h -> h.name()).containsExactly("a", "b");
            assertThat(s.host("b").orElseThrow().hide().orElseThrow()).extracting(e -> e.address().toString())
                    .containsExactly("0000:0e:00.0");
            assertThat(s.host("b").orElseThrow().location().file()).isEqualTo(dir.resolve("b.yaml") + "@" + first.name().substring(0, 7));

            DesiredState head = GitDesiredState.atRef(dir.resolve("b.yaml"), "main").result().state().orElseThrow();
            assertThat(head.commit()).contains(second.name());
            assertThat(head.host("b").orElseThrow().hide().orElseThrow()).extracting(HideEntry::address).hasSize(2);
            assertThat(GitDesiredState.atRef(dir, first.name().substring(0, 10)).result().state().orElseThrow().commit())
                    .contains(first.name());
            assertThat(Files.readString(dir.resolve("b.yaml"))).isEqualTo("garbage: [");
            assertThat(git.status().call().getModified()).containsExactly("desired-state/b.yaml");
        }
    }

    @Test
    void anUnknownRefAndAPathAbsentAtTheRefAreClearErrors() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("hosts.yaml"), host("a"));
            commit(git, "first");
            Diagnostic unknown = GitDesiredState.atRef(repo.resolve("hosts.yaml"), "no-such-branch").result().diagnostics().get(0);
            assertThat(unknown.isError()).isTrue();
            assertThat(unknown.message()).startsWith("unknown git ref 'no-such-branch'");

            Files.writeString(repo.resolve("later.yaml"), host("b"));
            Diagnostic absent = GitDesiredState.atRef(repo.resolve("later.yaml"), "HEAD").result().diagnostics().get(0);
            assertThat(absent.message()).startsWith("no such file or directory at 'HEAD'");
            assertThat(absent.location().file()).startsWith(repo.resolve("later.yaml") + "@");
            assertThat(GitDesiredState.atRef(repo.resolve("hosts.yaml"), "HEAD~5").result().diagnostics().get(0).message())
                    .startsWith("unknown git ref 'HEAD~5'");
        }
    }

    @Test
    void anInvalidFileAtARefIsReportedUnderItsRefName() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("hosts.yaml"), "version: 1\nhosts:\n  a:\n    adress: x\n");
            RevCommit c = commit(git, "broken");
            var r = GitDesiredState.atRef(repo.resolve("hosts.yaml"), "main");
            assertThat(r.result().ok()).isFalse();
            assertThat(r.result().diagnostics()).anySatisfy(d -> assertThat(d.location().file())
                    .isEqualTo(repo.resolve("hosts.yaml") + "@" + c.name().substring(0, 7)));
            assertThat(r.lines().line(repo.resolve("hosts.yaml") + "@" + c.name().substring(0, 7), 4)).contains("    adress: x");
        }
    }

    @Test
    void outsideARepositoryTheRefIsRefusedAndTheWorkingTreeHasNoCommit() throws Exception {
        Path file = Files.writeString(repo.resolve("hosts.yaml"), host("a"));
        assertThat(GitDesiredState.atRef(file, "HEAD").result().diagnostics().get(0).message())
                .isEqualTo("not inside a git repository");
        GitDesiredState.Loaded loaded = GitDesiredState.workingTree(file);
        assertThat(loaded.result().state().orElseThrow().commit()).isEmpty();
    }

    @Test
    void theWorkingTreeRecordsHeadOnlyWhileTheFilesAreUnmodified() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Path file = Files.writeString(repo.resolve("hosts.yaml"), host("a"));
            RevCommit c = commit(git, "first");
            assertThat(GitDesiredState.workingTree(file).result().state().orElseThrow().commit()).contains(c.name());
            Files.writeString(file, host("a", "0e:00.0"));
            assertThat(GitDesiredState.workingTree(file).result().state().orElseThrow().commit()).isEmpty();
        }
    }
}
