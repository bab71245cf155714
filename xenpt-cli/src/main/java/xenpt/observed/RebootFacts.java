package xenpt.observed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xenpt.format.journal.RebootTrace;

/**
 * What a reboot of the host must know before it touches it (SPEC §5 step 5), read by {@link RebootReads}.
 *
 * @param poolHosts   the hosts of its pool ({@code xe host-list}); 1 for a standalone host
 * @param haEnabled   HA is enabled on the pool ({@code xe pool-list params=ha-enabled})
 * @param haProtected VMs that HA restarts ({@code ha-restart-priority=restart})
 * @param preventing  VM uuid → xapi's reason, for the VMs that prevent evacuating the host
 *                    ({@code xe host-get-vms-which-prevent-evacuation}), e.g. {@code VM_HAS_PCI_ATTACHED,OpaqueRef:…}
 * @param unfinished  a reboot an earlier apply left unfinished, from the host journal
 */
public record RebootFacts(int poolHosts, boolean haEnabled, Set<String> haProtected, Map<String, String> preventing,
        Optional<RebootTrace> unfinished) {

    /** A standalone host without HA, nothing preventing, no unfinished reboot. */
    public static final RebootFacts NONE = new RebootFacts(1, false, Set.of(), Map.of(), Optional.empty());

    public RebootFacts {
        if (poolHosts < 1) throw new IllegalArgumentException("a pool has at least one host");
        haProtected = Collections.unmodifiableSet(new TreeSet<>(haProtected));
        preventing = Collections.unmodifiableMap(new LinkedHashMap<>(preventing));
        Objects.requireNonNull(unfinished, "unfinished");
    }

    /** A member of a pool of two or more hosts, where VMs can be migrated away. */
    public boolean pooled() {
        return poolHosts > 1;
    }
}
