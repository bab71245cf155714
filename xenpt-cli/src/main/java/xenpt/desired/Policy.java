package xenpt.desired;

import java.util.Objects;

/**
 * What xenpt may do to a host beyond editing configuration.
 *
 * @param reboot    whether xenpt may reboot the host ({@code reboot: auto})
 * @param vmRestart whether xenpt may halt and start VMs ({@code vmRestart: auto})
 * @param prune     whether VMs of this host that the file does not list lose their {@code pci} key
 */
public record Policy(Mode reboot, Mode vmRestart, boolean prune) {

    public enum Mode {
        MANUAL,
        AUTO
    }

    public static final Policy DEFAULT = new Policy(Mode.MANUAL, Mode.MANUAL, false);

    public Policy {
        Objects.requireNonNull(reboot, "reboot");
        Objects.requireNonNull(vmRestart, "vmRestart");
    }
}
