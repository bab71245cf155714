package xenpt.observed;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.OutputTooLarge;
import xenpt.transport.TransportException;

/**
 * An observation's two rounds of reads as one {@link ReadScript#conversation} on one exec channel
 * ({@link HostSession#converse}): one shell on the host, two round trips. Round 1's fixed reads run at once; when
 * both streams show the marker, round 1 is parsed section by section and round 2's reads (by uuid, from round 1's
 * answers) go on stdin as requests, stdin is closed, and round 2's sections are parsed from the rest of the output.
 */
final class TwoRounds {

    /** Each round's results by command, as {@link Reads#runAll} returns them. */
    record Answers(Map<Command, CommandResult> one, Map<Command, CommandResult> two) {
        Answers {
            one = Map.copyOf(one);
            two = Map.copyOf(two);
        }
    }

    /** What the conversation learnt on the way: round 1's answers, and round 2's batch once it was decided. */
    private static final class Progress {
        Map<Command, CommandResult> one;
        ReadScript two;
    }

    private TwoRounds() {}

    /**
     * @param plan round 2's reads from round 1's answers: reads of {@link Reads#TEMPLATES} only (none: stdin is closed
     *             with no request)
     * @throws TransportException when the connection fails, or the script stops before its last read of either round
     */
    static Answers run(HostSession session, List<Command> roundOne,
            Function<Map<Command, CommandResult>, Collection<Command>> plan) throws TransportException {
        ReadScript script = ReadScript.conversation(roundOne, Reads.FIXED, Reads.TEMPLATES);
        String nonce = Reads.nonce();
        String marker = ReadScript.marker(nonce);
        Command exec = script.command(nonce);
        Progress p = new Progress();
        CommandResult answer;
        try {
            answer = session.converse(exec, marker, (out, err) -> {
                p.one = ScriptOutput.parse(session.host(), script, new CommandResult(exec, 0, before(out, marker),
                        before(err, marker)), nonce);
                p.two = ReadScript.of(plan.apply(p.one), Set.of(), Reads.TEMPLATES);
                return p.two.requests();
            });
        } catch (OutputTooLarge e) {
            throw tooLarge(session.host(), script, p.two, e, nonce);
        }
        if (p.one == null) {
            ScriptOutput.parse(session.host(), script, answer, nonce); // names the read where it stopped
            throw new TransportException(session.host() + ": the read script ended before round 2 (exit "
                    + answer.exitCode() + ")");
        }
        CommandResult rest = new CommandResult(exec, answer.exitCode(), after(answer.stdout(), marker),
                after(answer.stderr(), marker));
        return new Answers(p.one, ScriptOutput.parse(session.host(), p.two, rest, nonce));
    }

    private static String before(String text, String marker) {
        return text.substring(0, text.indexOf(marker));
    }

    private static String after(String text, String marker) {
        return text.substring(text.indexOf(marker) + marker.length());
    }

    /** The read whose output passed the bound, named, in either round (the marker counts as one section end). */
    private static TransportException tooLarge(String host, ReadScript one, ReadScript two, OutputTooLarge e,
            String nonce) {
        int done = ScriptOutput.sectionsEnded(e, nonce);
        List<ReadScript.Section> first = one.sections();
        if (done < first.size()) return ScriptOutput.failed(host, first.get(done), e);
        int inTwo = done - first.size() - 1;
        if (two == null || inTwo < 0 || inTwo >= two.sections().size()) return e;
        return ScriptOutput.failed(host, two.sections().get(inTwo), e);
    }
}
