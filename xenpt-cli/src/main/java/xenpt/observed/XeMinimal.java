package xenpt.observed;

import java.util.ArrayList;
import java.util.List;

/** Parser of xe {@code --minimal} output: one line, values separated by commas, {@code \,} and {@code \\} escaped. */
public final class XeMinimal {

    private XeMinimal() {}

    /** The values; an empty line (no match) is an empty list. */
    public static List<String> parse(String output) {
        String line = output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
        if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        List<String> values = new ArrayList<>();
        if (line.isEmpty()) return values;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
            } else if (c == ',') {
                values.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        values.add(cur.toString());
        return values;
    }
}
