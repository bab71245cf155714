package xenpt.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code --target}: a host, or one VM of a host ({@code HOST/VM}; the VM is a name-label or a uuid).
 * A VM name-label may itself contain {@code /}; only the first {@code /} separates host from VM.
 */
public record Target(String host, Optional<String> vm) {

    public Target {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(vm, "vm");
        if (host.isBlank()) throw new IllegalArgumentException("empty host in target");
    }

    /** Parses {@code HOST} or {@code HOST/VM}. */
    public static Target parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) return new Target(text, Optional.empty());
        String vm = text.substring(slash + 1);
        if (vm.isEmpty()) throw new IllegalArgumentException("'" + text + "': expected HOST or HOST/VM");
        return new Target(text.substring(0, slash), Optional.of(vm));
    }

    /** Whether a change on {@code host} about the VM {@code vmName}/{@code vmUuid} (empty: host-wide) is targeted. */
    boolean covers(String hostName, Optional<String> vmName, Optional<String> vmUuid) {
        if (!host.equals(hostName)) return false;
        if (vm.isEmpty()) return true;
        return vm.equals(vmName) || vm.equals(vmUuid);
    }

    @Override
    public String toString() {
        return vm.map(v -> host + "/" + v).orElse(host);
    }
}
