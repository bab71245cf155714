package xenpt.desired;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import xenpt.diag.Location;

/**
 * The desired state of one host.
 *
 * @param name     host name as used in plans and {@code --target}
 * @param address  DNS name, IP (IPv6 without brackets), or {@code sim:<scenario>}; a port written in the file's
 *                 address ({@code host:2222}) is in {@code ssh.port}
 * @param hide     the exact set of devices hidden from dom0; empty Optional: the boot configuration is left alone
 *                 ({@code hide} absent), present but empty: nothing hidden
 * @param vms      managed VMs, sorted by name
 * @param location where the host is written, for diagnostics
 */
public record HostSpec(
        String name,
        String address,
        SshSettings ssh,
        HideMethod method,
        Policy policy,
        Optional<List<HideEntry>> hide,
        List<VmSpec> vms,
        Location location) {

    public HostSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(ssh, "ssh");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(policy, "policy");
        hide = hide.map(List::copyOf);
        vms = List.copyOf(vms);
    }

    /** True when {@code address} names a built-in simulated host. */
    public boolean simulated() {
        return address.startsWith("sim:");
    }
}
