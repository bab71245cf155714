package xenpt.desired;

/**
 * How a host's dom0 hide list is read and written. {@code AUTO} exists only in the desired state; an observed host
 * always has a concrete method (see SPEC §3 "Backend choice").
 */
public enum HideMethod {
    AUTO("auto"),
    GRUB("grub"),
    EXTLINUX("extlinux"),
    XEN_CMDLINE("xen-cmdline"),
    XAPI("xapi");

    private final String word;

    HideMethod(String word) {
        this.word = word;
    }

    /** The word used in the desired-state file and in output. */
    public String word() {
        return word;
    }

    public static HideMethod fromWord(String word) {
        for (HideMethod m : values()) {
            if (m.word.equals(word)) return m;
        }
        throw new IllegalArgumentException("unknown hide method '" + word + "'; expected auto, grub, extlinux, xen-cmdline or xapi");
    }
}
