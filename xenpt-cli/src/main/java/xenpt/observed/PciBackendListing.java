package xenpt.observed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xenpt.desired.PciAddress;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;

/**
 * Parser of {@code xenstore-ls -f /local/domain/0/backend/pci}: which devices each running domain holds. Both code
 * paths that plug a device write {@code <ROOT>/<domid>/0/dev-N = "dddd:bb:dd.f"} after the device was assigned
 * (libxl before xenopsd's CP-30136, xenopsd itself after); the other keys differ by version and are ignored. Format,
 * sources and why not {@code xl pci-list}: docs/attachment.md.
 */
public final class PciBackendListing {

    /** dom0's xenstore directory of PCI backends, one subdirectory per domain. */
    public static final String ROOT = "/local/domain/0/backend/pci";
    /** The read: fixed words, one command for every domain of the host. */
    public static final Command COMMAND = Command.of("xenstore-ls", "-f", ROOT);

    private static final Pattern DEV = Pattern.compile(
            "^" + Pattern.quote(ROOT) + "/(\\d+)/0/dev-\\d+ = \"([0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7])\"$");

    private PciBackendListing() {}

    /**
     * Devices by domain id; an empty map when the directory does not exist (no domain holds a device); empty
     * Optional when the read failed otherwise (then nothing is known).
     */
    public static Optional<Map<Long, Set<PciAddress>>> parse(CommandResult ls) {
        if (!ls.ok()) {
            return ls.stderr().contains("No such file or directory") && ls.stderr().contains("xs_directory")
                    ? Optional.of(Map.of()) : Optional.empty();
        }
        Map<Long, Set<PciAddress>> out = new TreeMap<>();
        for (String line : ls.stdout().split("\n", -1)) {
            Matcher m = DEV.matcher(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            if (!m.matches()) continue;
            out.computeIfAbsent(Long.parseLong(m.group(1)), k -> new TreeSet<>()).add(PciAddress.parse(m.group(2)));
        }
        return Optional.of(out);
    }

    /** The VMs with what their domain holds, for the VMs running on host {@code hostUuid}; others unchanged. */
    static List<VmRecord> attach(List<VmRecord> vms, String hostUuid, Optional<Map<Long, Set<PciAddress>>> held) {
        if (held.isEmpty()) return vms;
        List<VmRecord> out = new ArrayList<>();
        for (VmRecord vm : vms) {
            boolean here = vm.powerState() == PowerState.RUNNING && vm.residentOn().equals(hostUuid) && vm.domId() >= 0;
            out.add(here ? vm.withAttached(held.get().getOrDefault(vm.domId(), Set.of())) : vm);
        }
        return out;
    }
}
