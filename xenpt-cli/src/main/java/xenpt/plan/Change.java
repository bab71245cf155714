package xenpt.plan;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.PciAddress;
import xenpt.format.hide.HideValue;
import xenpt.observed.PowerState;

/**
 * One change the plan makes to a host. Each carries its before and after values (as written on the host; empty
 * Optional: the key or parameter is absent) and what it needs to take effect. {@link #reason()} is for display only;
 * apply never reads it.
 */
public sealed interface Change {

    /** Change kinds, in apply order. */
    enum Kind {
        HIDE("hide"),
        ASSIGN("assign"),
        PIN("pin"),
        REBOOT("reboot"),
        RESTART_VM("restart-vm");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() { return word; }

        public static Kind fromWord(String word) {
            for (Kind k : values()) if (k.word.equals(word)) return k;
            throw new IllegalArgumentException("unknown change kind '" + word + "'");
        }
    }

    /** What a change needs before it takes effect. */
    enum Need {
        REBOOT("reboot", "reboot required"),
        VM_RESTART("vm-restart", "VM restart required");

        private final String word;
        private final String text;

        Need(String word, String text) {
            this.word = word;
            this.text = text;
        }

        /** The machine-readable form used in JSON: {@code reboot}, {@code vm-restart}. */
        public String word() { return word; }

        /** The form shown to people. */
        public String text() { return text; }

        public static Need fromWord(String word) {
            for (Need n : values()) if (n.word.equals(word)) return n;
            throw new IllegalArgumentException("unknown need '" + word + "'");
        }
    }

    /** Hosts by name are handled outside; within a host: apply order, then target, then VM uuid. */
    Comparator<Change> APPLY_ORDER = Comparator.comparing(Change::kind)
            .thenComparing(Change::target)
            .thenComparing(c -> vmOf(c).orElse(""));

    String host();

    Kind kind();

    /** {@code host} or {@code host/vm name}, as {@code --target} takes it. */
    String target();

    /** Empty for a change that sets no value (reboot, restart-vm). */
    default Optional<String> before() { return Optional.empty(); }

    default Optional<String> after() { return Optional.empty(); }

    /** Nothing, for a change that takes effect at once. */
    default Set<Need> needs() { return Set.of(); }

    String reason();

    /** The uuid of the VM a change is about, if any. */
    static Optional<String> vmOf(Change c) {
        return switch (c) {
            case Hide h -> Optional.empty();
            case Assign a -> Optional.of(a.vmUuid());
            case Pin p -> Optional.of(p.vmUuid());
            case Reboot r -> Optional.empty();
            case RestartVm r -> Optional.of(r.vmUuid());
        };
    }

    /**
     * Sets the host's dom0 hide list. Takes effect after a host reboot.
     *
     * @param before        the boot hide value exactly as written; empty when the parameter is absent
     * @param beforeDevices the devices {@code before} names (those that parse)
     * @param afterDevices  the desired set; empty means the parameter is removed
     */
    record Hide(String host, Optional<String> before, Set<PciAddress> beforeDevices, Set<PciAddress> afterDevices,
            String reason) implements Change {
        public Hide {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(before, "before");
            beforeDevices = java.util.Collections.unmodifiableSet(new TreeSet<>(beforeDevices));
            afterDevices = java.util.Collections.unmodifiableSet(new TreeSet<>(afterDevices));
            Objects.requireNonNull(reason, "reason");
        }

        public Kind kind() { return Kind.HIDE; }

        public String target() { return host; }

        /** The normalised value written, {@code (dddd:bb:dd.f)...}; empty: the parameter is removed. */
        public Optional<String> after() {
            return afterDevices.isEmpty() ? Optional.empty() : Optional.of(HideValue.format(afterDevices));
        }

        public Set<Need> needs() { return Set.of(Need.REBOOT); }
    }

    /**
     * Sets or removes a VM's {@code other-config:pci}. Takes effect when the VM is halted and started.
     *
     * @param power the VM's power state when observed; a VM that is not halted needs a restart
     * @param after the normalised value to write; empty: the key is removed
     */
    record Assign(String host, String vmUuid, String vmName, PowerState power, Optional<String> before,
            Optional<String> after, String reason) implements Change {
        public Assign {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(vmUuid, "vmUuid");
            Objects.requireNonNull(vmName, "vmName");
            Objects.requireNonNull(power, "power");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(reason, "reason");
            if (before.equals(after)) throw new IllegalArgumentException("assign without a difference");
        }

        public Kind kind() { return Kind.ASSIGN; }

        public String target() { return host + "/" + vmName; }

        public Set<Need> needs() {
            return power == PowerState.HALTED ? Set.of() : Set.of(Need.VM_RESTART);
        }
    }

    /** Sets a VM's affinity to the host that holds its devices (xapi ignores other-config:pci when placing a VM). */
    record Pin(String host, String vmUuid, String vmName, Optional<String> before, String hostUuid, String reason)
            implements Change {
        public Pin {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(vmUuid, "vmUuid");
            Objects.requireNonNull(vmName, "vmName");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(hostUuid, "hostUuid");
            Objects.requireNonNull(reason, "reason");
        }

        public Kind kind() { return Kind.PIN; }

        public String target() { return host + "/" + vmName; }

        public Optional<String> after() { return Optional.of(hostUuid); }
    }

    /** Reboots the host; planned only with {@code reboot: auto}. */
    record Reboot(String host, String reason) implements Change {
        public Reboot {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(reason, "reason");
        }

        public Kind kind() { return Kind.REBOOT; }

        public String target() { return host; }
    }

    /** Halts and starts a VM; planned only with {@code vmRestart: auto}. */
    record RestartVm(String host, String vmUuid, String vmName, String reason) implements Change {
        public RestartVm {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(vmUuid, "vmUuid");
            Objects.requireNonNull(vmName, "vmName");
            Objects.requireNonNull(reason, "reason");
        }

        public Kind kind() { return Kind.RESTART_VM; }

        public String target() { return host + "/" + vmName; }
    }
}
