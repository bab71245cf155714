package xenpt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/** {@code --verbose}: each command, read and write on a host, with its outcome and duration; no secret, no control. */
class TracedSessionTest {

    private final List<String> lines = new ArrayList<>();
    /** A fake clock: every reading is 12 ms after the previous one. */
    private long now;
    private final TracedSession traced = new TracedSession(new Host(), lines::add, () -> now += 12_000_000);

    @Test
    void aCommandIsTracedWithItsExitStatusAndDuration() throws TransportException {
        traced.run(Command.of("xe", "vm-list", "params=uuid,name-label"));
        traced.run(Command.of("false"));
        assertThat(lines).containsExactly("wintermute: xe vm-list params=uuid,name-label → exit 0 in 12 ms",
                "wintermute: false → exit 1 in 12 ms");
    }

    @Test
    void aConversationIsOneLineWithTheExitStatusOfTheWholeAndTheReplyPassesThrough() throws TransportException {
        Command script = Command.of("sh", "-c", "IFS= read -r n").withStdin("nonce\n");
        CommandResult r = traced.converse(script, "<m>", (out, err) -> out.equals("nonce\n<m>") ? "vm-pci u\n" : "?");
        assertThat(r.stdout()).isEqualTo("nonce\n<m>vm-pci u\n");
        assertThat(lines).containsExactly("wintermute: sh -c 'IFS= read -r n' → exit 0 in 12 ms");
    }

    @Test
    void readsWritesAndFailuresAreTracedToo() throws TransportException {
        traced.readFile("/proc/cmdline");
        traced.writeFile("/boot/grub/grub.cfg.xenpt", "x".getBytes(StandardCharsets.UTF_8), 0644);
        assertThatThrownBy(() -> traced.run(Command.of("lost"))).isInstanceOf(TransportException.class);
        assertThat(lines).containsExactly("wintermute: read /proc/cmdline → 5 bytes in 12 ms",
                "wintermute: write /boot/grub/grub.cfg.xenpt (1 byte, mode 644) → ok in 12 ms",
                "wintermute: lost → failed: wintermute: connection lost in 12 ms");
    }

    @Test
    void secretsAreMaskedAndControlCharactersEscaped() throws TransportException {
        traced.run(Command.of("tool", "--password", "hunter2", "api_token=s3cr3t", "name=\033[2Jvm\nx"));
        assertThat(lines).singleElement().asString()
                .contains("--password ****", "api_token=****", "\\x1b[2Jvm\\nx")
                .doesNotContain("hunter2", "s3cr3t", "\033");
    }

    /** A host whose commands exit 0 except {@code false}; {@code lost} loses the connection. */
    private static final class Host implements HostSession {
        @Override
        public String host() {
            return "wintermute";
        }

        @Override
        public CommandResult run(Command command) throws TransportException {
            if (command.argv().get(0).equals("lost")) throw new TransportException("wintermute: connection lost");
            return new CommandResult(command, command.argv().get(0).equals("false") ? 1 : 0, "", "");
        }

        /** Prints its stdin and the marker on stdout, then echoes the reply: exit 0. */
        @Override
        public CommandResult converse(Command command, String marker, Reply reply) throws TransportException {
            String first = command.stdin() + marker;
            String second = reply.to(first, marker);
            return new CommandResult(command, 0, first + second, marker);
        }

        @Override
        public byte[] readFile(String path) {
            return "quiet".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void writeFile(String path, byte[] content, int mode) {}

        @Override
        public void close() {}
    }
}
