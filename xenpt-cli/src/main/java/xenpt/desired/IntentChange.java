package xenpt.desired;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One difference of intent between two desired states (SPEC §7 review), found without contacting any host: it says
 * what the file now asks for, not what a host will undergo (that is the plan's job).
 *
 * @param host    the host the change belongs to
 * @param subject what changes: the host, a device address, {@code vm 'name'}, a policy or setting name
 * @param before  the base's value; empty where the base has none (a new host, a VM not yet managed)
 * @param after   the head's value; empty where the head has none
 */
public record IntentChange(Kind kind, String host, String subject, Optional<String> before, Optional<String> after)
        implements Comparable<IntentChange> {

    /** In display order. */
    public enum Kind {
        HOST_ADDED("host added"),
        HOST_REMOVED("host removed"),
        SETTING("setting"),
        POLICY("policy"),
        HIDE("hide"),
        RELEASE("release"),
        ASSIGN("assign");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    private static final Comparator<IntentChange> ORDER = Comparator.comparing(IntentChange::host)
            .thenComparing(IntentChange::kind).thenComparing(IntentChange::subject);

    public IntentChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** A device newly hidden or released takes effect only after the host reboots. */
    public boolean needsReboot() {
        return kind == Kind.HIDE || kind == Kind.RELEASE;
    }

    /** A changed assignment takes effect only after the VM is halted and started. */
    public boolean needsVmRestart() {
        return kind == Kind.ASSIGN;
    }

    @Override
    public int compareTo(IntentChange o) {
        return ORDER.compare(this, o);
    }
}
