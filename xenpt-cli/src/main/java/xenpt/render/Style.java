package xenpt.render;

import xenpt.plan.Change;

/** ANSI styling that is a no-op unless colour is on, and the words shared by the renderers. */
final class Style {

    private static final String RESET = "\u001b[0m";

    private final boolean color;

    Style(boolean color) {
        this.color = color;
    }

    String bold(String s) {
        return paint(s, "1");
    }

    String green(String s) {
        return paint(s, "32");
    }

    String yellow(String s) {
        return paint(s, "33");
    }

    String red(String s) {
        return paint(s, "31");
    }

    String dim(String s) {
        return paint(s, "2");
    }

    private String paint(String s, String code) {
        return color ? "\u001b[" + code + "m" + s + RESET : s;
    }

    /** {@code +} when something is added, {@code -} when removed, {@code ~} when changed or done. */
    static String marker(Change c) {
        if (c.before().isEmpty() && c.after().isPresent()) return "+";
        if (c.before().isPresent() && c.after().isEmpty()) return "-";
        return "~";
    }

    String markerPainted(Change c) {
        String m = marker(c);
        return switch (m) {
            case "+" -> green(m);
            case "-" -> red(m);
            default -> yellow(m);
        };
    }

    /** What a change is about, within its host: the VM's name, or empty for host-wide changes. */
    static String subject(Change c) {
        return switch (c) {
            case Change.Hide h -> "";
            case Change.Reboot r -> "";
            case Change.Assign a -> a.vmName();
            case Change.Pin p -> p.vmName();
            case Change.RestartVm r -> r.vmName();
        };
    }

}
