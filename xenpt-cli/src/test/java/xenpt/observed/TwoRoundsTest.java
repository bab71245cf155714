package xenpt.observed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/** Round 1 parsed at the marker, round 2 asked from it and parsed after; a script that stops early is a transport failure. */
class TwoRoundsTest {

    static final String A = "22eb15fb-169c-ec9b-0ad4-231dc7210376";

    /** What the host printed: {@code n} round-1 sections (exit 0, stdout "r<i>"), maybe the marker, then answers. */
    private record Host(int sections, boolean marker, int exit, List<String> asked) implements HostSession {
        @Override
        public String host() {
            return "h";
        }

        @Override
        public CommandResult converse(Command command, String mark, Reply reply) throws TransportException {
            Matcher m = Pattern.compile("([0-9a-f]{32})\n").matcher(command.stdin());
            assertThat(m.matches()).as("only the nonce on stdin at first").isTrue();
            String n = m.group(1);
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            for (int i = 0; i < sections; i++) {
                out.append("r").append(i).append("\n").append(n).append(" 0\n");
                err.append("\n").append(n).append("\n");
            }
            if (!marker) return new CommandResult(command, exit, out.toString(), err + "sh: killed\n");
            out.append(mark);
            err.append(mark);
            String requests = reply.to(out.toString(), err.toString());
            asked.add(requests);
            requests.lines().forEach(l -> {
                out.append("answer to ").append(l).append("\n").append(n).append(" 1\n");
                err.append("Error: nope\n\n").append(n).append("\n");
            });
            return new CommandResult(command, exit, out.toString(), err.toString());
        }

        @Override
        public CommandResult run(Command command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] readFile(String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeFile(String path, byte[] content, int mode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }

    @Test
    void roundTwoIsAskedFromRoundOnesAnswersAndParsedFromTheRest() throws Exception {
        List<String> asked = new ArrayList<>();
        List<Command> one = List.of(Reads.INVENTORY, Reads.CMDLINE);
        Command pci = Reads.vmOtherConfigPci(A);
        TwoRounds.Answers a = TwoRounds.run(new Host(2, true, 0, asked), one,
                r -> r.get(Reads.CMDLINE).stdout().equals("r1") ? List.of(pci) : List.of());
        assertThat(asked).containsExactly("vm-pci " + A + "\n");
        assertThat(a.one()).containsEntry(Reads.INVENTORY, new CommandResult(Reads.INVENTORY, 0, "r0", ""))
                .containsEntry(Reads.CMDLINE, new CommandResult(Reads.CMDLINE, 0, "r1", ""));
        assertThat(a.two()).containsExactly(java.util.Map.entry(pci,
                new CommandResult(pci, 1, "answer to vm-pci " + A, "Error: nope\n")));

        asked.clear();
        assertThat(TwoRounds.run(new Host(2, true, 0, asked), one, r -> List.of()).two()).isEmpty();
        assertThat(asked).as("nothing to ask: stdin closed with no request").containsExactly("");
    }

    @Test
    void aScriptThatStopsBeforeTheMarkerFailsNamingTheHostAndWhereItStopped() {
        List<Command> one = List.of(Reads.INVENTORY, Reads.CMDLINE, Reads.BOOT_ID);
        assertThatThrownBy(() -> TwoRounds.run(new Host(1, false, 137, new ArrayList<>()), one, r -> List.of()))
                .isInstanceOf(TransportException.class)
                .hasMessage("h: the read script stopped after 1 of 3 reads (exit 137): sh: killed");
        assertThatThrownBy(() -> TwoRounds.run(new Host(3, false, 0, new ArrayList<>()), one, r -> List.of()))
                .isInstanceOf(TransportException.class)
                .hasMessage("h: the read script ended before round 2 (exit 0)");
    }
}
