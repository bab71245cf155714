package xenpt.sim;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How xapi's CLI prints (xen-facts §1): records with padded labels and two blank lines after each, maps joined with
 * {@code "; "} and never escaped, {@code --minimal} lists with commas and backslashes escaped, and the shapes of its
 * errors.
 */
final class XeFormat {

    private XeFormat() {}

    /**
     * One record: labels padded to {@code 4 + longest label}, the first on the right, the others on the left; then
     * {@code ": "} and the value. The server adds a newline and the client another, hence two blank lines.
     */
    static String record(List<String[]> labelValues) {
        int max = 0;
        for (String[] lv : labelValues) max = Math.max(max, lv[0].length());
        int width = max + 4;
        StringBuilder s = new StringBuilder();
        boolean first = true;
        for (String[] lv : labelValues) {
            String label = first ? lv[0] + " ".repeat(width - lv[0].length())
                    : " ".repeat(width - lv[0].length()) + lv[0];
            s.append(label).append(": ").append(lv[1]).append('\n');
            first = false;
        }
        return s.append("\n\n").toString();
    }

    static String map(Map<String, String> m) {
        StringJoiner j = new StringJoiner("; ");
        m.forEach((k, v) -> j.add(k + ": " + v));
        return j.toString();
    }

    static String set(List<String> items) {
        return String.join("; ", items);
    }

    /** {@code escape_commas}: {@code \} and {@code ,} get a backslash. */
    static String escapeCommas(String v) {
        return v.replace("\\", "\\\\").replace(",", "\\,");
    }

    static String minimal(List<String> values) {
        StringJoiner j = new StringJoiner(",");
        values.forEach(v -> j.add(escapeCommas(v)));
        return j + "\n";
    }

    static Outcome uuidInvalid(String type, String uuid) {
        return Outcome.fail(1, "The uuid you supplied was invalid.\ntype: " + type + "\nuuid: " + uuid + "\n");
    }

    /** INTERNAL_ERROR; xapi up to 7.x had two spaces between the sentences, 8.x one (xen-facts §1.9). */
    static Outcome internalError(int majorVersion, String message) {
        String gap = majorVersion <= 7 ? "  " : " ";
        return Outcome.fail(1, "The server failed to handle your request, due to an internal error." + gap
                + "The given message may give details useful for debugging the problem.\nmessage: " + message + "\n");
    }

    static Outcome cliFailure(String message) {
        return Outcome.fail(1, "Error: " + message + "\n");
    }

    static Outcome missingParameter(String name) {
        return Outcome.fail(1, "Error code: Missing parameter\nError parameters: " + name + "\n");
    }

    static Outcome requiredParameter(String name) {
        return Outcome.fail(1, "Required parameter not found: " + name + "\nFor usage run: 'xe help'\n");
    }

    static Outcome unknownCommand(String name) {
        return Outcome.fail(1, "Unknown command: " + name + "\nFor usage run: 'xe help'\n");
    }
}
