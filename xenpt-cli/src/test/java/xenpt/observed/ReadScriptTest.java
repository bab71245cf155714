package xenpt.observed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.TransportException;

/** The read script's text holds no value, only known reads get in, and its answer splits back exactly. */
class ReadScriptTest {

    static final String A = "22eb15fb-169c-ec9b-0ad4-231dc7210376";
    static final String B = "5bd4e662-5b08-bd5b-896f-bc39c1f4248c";
    static final String NONCE = "0123456789abcdef0123456789abcdef";

    private static ReadScript of(List<Command> reads) {
        return ReadScript.of(reads, Reads.FIXED, Reads.TEMPLATES);
    }

    @Test
    void theScriptTextIsFixedAndTheUuidsTravelOnStdin() {
        ReadScript a = of(List.of(Reads.vmOtherConfigPci(A), Reads.vmParam(A, "name-label")));
        ReadScript b = of(List.of(Reads.vmOtherConfigPci(B)));
        assertThat(a.script()).isEqualTo(b.script()).doesNotContain(A).doesNotContain(B);
        Command exec = a.command(NONCE);
        assertThat(exec.argv()).containsExactly("sh", "-c", a.script());
        assertThat(exec.summary()).isEqualTo("sh -c 'IFS= read -r n …");
        assertThat(exec.stdin()).isEqualTo(NONCE + "\nvm-pci " + A + "\nvm-name-label " + A + "\n");
        assertThat(of(Reads.ROUND_ONE).script()).isEqualTo(of(Reads.ROUND_ONE).script()).doesNotContain(NONCE)
                .contains("\nxe vm-list is-control-domain=false ").doesNotContain("while");
    }

    @Test
    void theEvacuationCheckIsARoundTwoRequestAndDoctorsReadsAreFixed() {
        Command preventing = RebootReads.preventing(A).orElseThrow();
        ReadScript a = of(List.of(preventing));
        assertThat(a.script()).doesNotContain(A)
                .contains("host-prevent) xe host-get-vms-which-prevent-evacuation uuid=\"$u\" </dev/null ;;");
        assertThat(a.command(NONCE).stdin()).isEqualTo(NONCE + "\nhost-prevent " + A + "\n");
        assertThat(preventing.argv()).containsExactly("xe", "host-get-vms-which-prevent-evacuation", "uuid=" + A);
        assertThat(of(DoctorReads.ALL).sections()).hasSize(DoctorReads.ALL.size());
        assertThat(Reads.ROUND_ONE).contains(RebootReads.HOSTS, RebootReads.HA_ENABLED, RebootReads.HA_PROTECTED);
    }

    @Test
    void theConversationIsRoundOneTheMarkerAndTheLoopWithOnlyTheNonceOnStdinAtFirst() {
        ReadScript c = ReadScript.conversation(Reads.ROUND_ONE, Reads.FIXED, Reads.TEMPLATES);
        String script = c.script();
        assertThat(script).isEqualTo(ReadScript.conversation(Reads.ROUND_ONE, Reads.FIXED, Reads.TEMPLATES).script())
                .startsWith(of(Reads.ROUND_ONE).script())
                .contains(of(Reads.ROUND_ONE).script() + "echo \"\n$n round2\"\necho \"\n$n round2\" >&2\nwhile read -r k u\n")
                .contains("host-prevent) xe host-get-vms-which-prevent-evacuation uuid=\"$u\" </dev/null ;;")
                .endsWith("done\n").doesNotContain(NONCE);
        assertThat(c.sections()).hasSize(Reads.ROUND_ONE.size());
        assertThat(c.command(NONCE).stdin()).isEqualTo(NONCE + "\n");
        assertThat(ReadScript.marker(NONCE)).isEqualTo("\n" + NONCE + " round2\n");
        ReadScript two = ReadScript.of(List.of(Reads.vmOtherConfigPci(A), RebootReads.preventing(B).orElseThrow()),
                java.util.Set.of(), Reads.TEMPLATES);
        assertThat(two.requests()).isEqualTo("vm-pci " + A + "\nhost-prevent " + B + "\n");
        assertThatThrownBy(() -> ReadScript.conversation(List.of(Reads.INVENTORY, Reads.vmOtherConfigPci(A)),
                Reads.FIXED, Reads.TEMPLATES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadScript.of(List.of(Reads.INVENTORY), java.util.Set.of(), Reads.TEMPLATES))
                .as("round 2 takes no fixed read").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReadThatIsNeitherFixedNorATemplateIsRefused() {
        assertThatThrownBy(() -> of(List.of(Command.of("cat", "/etc/shadow"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cat /etc/shadow");
        assertThatThrownBy(() -> of(List.of(Command.of("xe", "vm-param-get", "uuid=$(reboot)", "param-name=name-label"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> of(List.of(Reads.vmOtherConfigPci(A).withStdin("x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reads.vmParam(A + "; reboot", "name-label")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reads.vmParam(A, "other-config")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sectionsSplitBackExactlyAndTextLikeAMarkerStaysContent() throws Exception {
        List<Command> reads = List.of(Reads.INVENTORY, Reads.CMDLINE, Reads.VM_LIST, Reads.JOURNAL);
        String forged = "name\n" + "fedcba9876543210fedcba9876543210 0\n" + NONCE.substring(1) + " 0\n" + NONCE + "0\n";
        String out = "a=1\n" + end(0) + "no newline" + end(0) + forged + end(0) + end(1);
        String err = "\n" + NONCE + "\n" + "\n" + NONCE + "\n" + "\n" + NONCE + "\n"
                + "cat: /var/log/xenpt/journal.jsonl: No such file or directory\n\n" + NONCE + "\n";
        Map<Command, CommandResult> r = ScriptOutput.parse("h", of(reads), answer(reads, out, err), NONCE);
        assertThat(r.get(Reads.INVENTORY)).isEqualTo(new CommandResult(Reads.INVENTORY, 0, "a=1\n", ""));
        assertThat(r.get(Reads.CMDLINE).stdout()).isEqualTo("no newline");
        assertThat(r.get(Reads.VM_LIST).stdout()).isEqualTo(forged);
        assertThat(r.get(Reads.JOURNAL)).isEqualTo(new CommandResult(Reads.JOURNAL, 1, "",
                "cat: /var/log/xenpt/journal.jsonl: No such file or directory\n"));
    }

    @Test
    void aScriptThatStopsEarlyIsATransportFailureNamingWhereItStopped() {
        List<Command> reads = List.of(Reads.INVENTORY, Reads.CMDLINE, Reads.VM_LIST);
        String out = "a=1\n" + end(0) + "partial";
        String err = "\n" + NONCE + "\nsh: killed\n";
        assertThatThrownBy(() -> ScriptOutput.parse("h", of(reads), answer(reads, out, err), NONCE))
                .isInstanceOf(TransportException.class)
                .hasMessage("h: the read script stopped after 1 of 3 reads (exit 0): sh: killed");
    }

    private static String end(int status) {
        return "\n" + NONCE + " " + status + "\n";
    }

    private static CommandResult answer(List<Command> reads, String out, String err) {
        return new CommandResult(of(reads).command(NONCE), 0, out, err);
    }
}
