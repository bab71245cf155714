package xenpt.plan;

import java.util.Objects;

/**
 * A fact about a host that the plan reports but does not change by itself.
 *
 * @param message one line for people, e.g. {@code boot hide list (0000:01:03.0) is not yet on the running kernel line}
 */
public record Status(Kind kind, String message) implements Comparable<Status> {

    public enum Kind {
        UNREACHABLE("unreachable"),
        PCIBACK_NOT_LOADED("pciback-not-loaded"),
        PENDING_REBOOT("pending-reboot"),
        UNMANAGED_ASSIGNMENT("unmanaged-assignment"),
        NOT_ATTACHED("not-attached");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** The words as people read them: {@code pending reboot}. */
        public String label() {
            return word.replace('-', ' ');
        }

        public static Kind fromWord(String word) {
            for (Kind k : values()) if (k.word.equals(word)) return k;
            throw new IllegalArgumentException("unknown status '" + word + "'");
        }
    }

    public Status {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(Status o) {
        int c = kind.compareTo(o.kind);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
