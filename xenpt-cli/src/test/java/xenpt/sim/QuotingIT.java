package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.transport.Command;

class QuotingIT {

    static final String EVIL_UUID = "9f4d2c1b-8e7a-4b6c-5d3e-2f1a0b9c8d7e";

    @TempDir
    Path dir;

    @Test
    void shellWordsHonourQuotesAndNeverExpand() throws Exception {
        assertThat(ShellWords.parse("xe vm-list name-label='a b' x=\"c \\\"d\\\" $(e)\" f\\ g"))
                .containsExactly(List.of("xe", "vm-list", "name-label=a b", "x=c \"d\" $(e)", "f g"));
        assertThat(ShellWords.parse("cat x | grep y")).containsExactly(List.of("cat", "x"), List.of("grep", "y"));
        assertThat(ShellWords.parse("echo 'it'\\''s'")).containsExactly(List.of("echo", "it's"));
        for (String bad : List.of("ls; touch x", "ls && touch x", "echo $(touch x)", "echo `id`", "ls > f",
                "echo 'open")) {
            assertThatThrownBy(() -> ShellWords.parse(bad)).isInstanceOf(ShellWords.SyntaxError.class);
        }
    }

    @Test
    void hostileNameLabelNeverExecutes() throws Exception {
        Path pwned = Path.of("/tmp/xenpt-pwned");
        Path marker = dir.resolve("marker");
        try (SimulatedHost host = SimulatedHost.start("xcpng82", dir.resolve("h"));
                SshTestClient ssh = new SshTestClient(host)) {
            String name = ssh.run("xe vm-param-get uuid=" + EVIL_UUID + " param-name=name-label").out().strip();
            assertThat(name).contains("$(touch /tmp/xenpt-pwned)").contains("; rm -rf /");
            String byName = Command.of("xe", "vm-list", "name-label=" + name, "--minimal").toShell();
            assertThat(ssh.run(byName).out()).isEqualTo(EVIL_UUID + "\n");

            String hostile = "x $(touch " + marker + ") `touch " + marker + "` '\"; touch " + marker + " #";
            var set = ssh.run(Command.of("xe", "vm-param-set", "uuid=" + EVIL_UUID, "name-label=" + hostile).toShell());
            assertThat(set.exit()).isZero();
            assertThat(ssh.run("xe vm-param-get uuid=" + EVIL_UUID + " param-name=name-label").out())
                    .isEqualTo(hostile + "\n");
            assertThat(ssh.run("touch " + marker).exit()).isEqualTo(127);
            assertThat(ssh.run("echo x; touch " + marker).exit()).isEqualTo(2);
        }
        assertThat(marker).doesNotExist();
        assertThat(Files.exists(pwned)).isFalse();
    }
}
