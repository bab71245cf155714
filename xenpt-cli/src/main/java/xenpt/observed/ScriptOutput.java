package xenpt.observed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.OutputTooLarge;
import xenpt.transport.TransportException;

/**
 * Splits the answer of a {@link ReadScript} back into one {@link CommandResult} per read: stdout at each
 * {@code \n<nonce> <status>\n}, stderr at each {@code \n<nonce>\n}. A section keeps its own exit status and streams,
 * so a failing read fails alone, exactly as when it had its own channel.
 */
final class ScriptOutput {

    private ScriptOutput() {}

    /**
     * @throws TransportException when the script stopped before its last section (no shell, a killed shell): the
     *     reads after it have no answer at all, which is a transport failure rather than a failing read
     */
    static Map<Command, CommandResult> parse(String host, ReadScript script, CommandResult answer, String nonce)
            throws TransportException {
        List<ReadScript.Section> sections = script.sections();
        List<String> outs = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        splitStdout(answer.stdout(), nonce, outs, statuses);
        List<String> errs = splitStderr(answer.stderr(), nonce);
        if (outs.size() < sections.size()) {
            String why = errs.size() > outs.size() ? errs.get(outs.size()).strip().lines().findFirst().orElse("") : "";
            throw new TransportException(host + ": the read script stopped after " + outs.size() + " of "
                    + sections.size() + " reads (exit " + answer.exitCode() + ")" + (why.isEmpty() ? "" : ": " + why));
        }
        Map<Command, CommandResult> results = new LinkedHashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            Command read = sections.get(i).read();
            results.put(read, new CommandResult(read, statuses.get(i), outs.get(i), i < errs.size() ? errs.get(i) : ""));
        }
        return results;
    }

    /** The read whose output never ended, named: the one after the last section whose end marker arrived. */
    static TransportException tooLarge(String host, ReadScript script, OutputTooLarge e, String nonce) {
        int done = sectionsEnded(e, nonce);
        List<ReadScript.Section> sections = script.sections();
        if (done >= sections.size()) return e;
        return failed(host, sections.get(done), e);
    }

    /** How many section ends ({@code \n<nonce> }) the stdout received before the bound holds. */
    static int sectionsEnded(OutputTooLarge e, String nonce) {
        byte[] out = e.partialStdout();
        byte[] mark = ("\n" + nonce + " ").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int done = 0;
        for (int i = 0; i + mark.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + mark.length, mark, 0, mark.length)) done++;
        }
        return done;
    }

    static TransportException failed(String host, ReadScript.Section section, OutputTooLarge e) {
        return new TransportException(host + ": " + section.read().toShell() + " failed: " + e.reason(), e);
    }

    private static void splitStdout(String out, String nonce, List<String> texts, List<Integer> statuses)
            throws TransportException {
        String mark = "\n" + nonce + " ";
        int from = 0;
        while (true) {
            int at = out.indexOf(mark, from);
            if (at < 0) return;
            int eol = out.indexOf('\n', at + mark.length());
            if (eol < 0) return; // a marker cut short: the script was stopped while printing it
            String status = out.substring(at + mark.length(), eol);
            if (!status.matches("\\d{1,3}")) throw new TransportException("read script: bad exit status '" + status + "'");
            texts.add(out.substring(from, at));
            statuses.add(Integer.parseInt(status));
            from = eol + 1;
        }
    }

    private static List<String> splitStderr(String err, String nonce) {
        String mark = "\n" + nonce + "\n";
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = err.indexOf(mark); at >= 0; at = err.indexOf(mark, from)) {
            parts.add(err.substring(from, at));
            from = at + mark.length();
        }
        if (from < err.length()) parts.add(err.substring(from));
        return parts;
    }
}
