package xenpt.apply;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the operator still has to do by hand after an apply, because the policy kept xenpt from doing it
 * ({@code reboot: manual}, {@code vmRestart: manual}).
 *
 * @param host     the host's name in the desired state
 * @param vmUuid   for {@link Kind#RESTART_VM} the VM; empty for a reboot
 * @param vmName   for {@link Kind#RESTART_VM} the VM's name-label; empty for a reboot
 * @param what     one line for people: what to do and why
 * @param commands to run on the host, in order, each one command line exactly as printed
 * @param ssh      the same commands run from the operator's machine over SSH, with the host's address, port, user,
 *                 identity and known_hosts from the desired state; empty for a simulated host (no address to reach)
 */
public record NextStep(String host, Kind kind, Optional<String> vmUuid, Optional<String> vmName, String what,
        List<String> commands, List<String> ssh) {

    public enum Kind {
        REBOOT("reboot"),
        RESTART_VM("restart-vm");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public NextStep {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(vmUuid, "vmUuid");
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(what, "what");
        commands = List.copyOf(commands);
        ssh = List.copyOf(ssh);
        if (commands.isEmpty()) throw new IllegalArgumentException("a next step without a command");
        if (!ssh.isEmpty() && ssh.size() != commands.size()) throw new IllegalArgumentException("one ssh line per command");
        if ((kind == Kind.RESTART_VM) != vmUuid.isPresent()) throw new IllegalArgumentException("a VM step names its VM");
    }
}
