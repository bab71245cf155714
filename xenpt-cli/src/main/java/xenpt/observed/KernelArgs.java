package xenpt.observed;

import java.util.ArrayList;
import java.util.List;
import xenpt.format.hide.HideList;
import xenpt.format.hide.HideValue;

/**
 * A Linux kernel command line split the way the kernel's {@code next_arg} does: words separated by whitespace,
 * double quotes group words and are removed ({@code key="a b"} is one argument {@code key=a b}).
 */
public final class KernelArgs {

    static final String HIDE_KEY = HideValue.KEY;

    private KernelArgs() {}

    public static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) args.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) args.add(cur.toString());
        return args;
    }

    /**
     * The {@code xen-pciback.hide} list on a kernel line. When the key appears several times the last one counts,
     * as for any module parameter given twice.
     */
    public static HideList hideList(String line) {
        String value = null;
        for (String arg : split(line)) {
            if (arg.startsWith(HIDE_KEY + "=")) value = arg.substring(HIDE_KEY.length() + 1);
            else if (arg.equals(HIDE_KEY)) value = "";
        }
        return value == null ? HideList.ABSENT : HideValue.parse(value);
    }
}
