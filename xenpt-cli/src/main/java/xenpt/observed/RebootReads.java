package xenpt.observed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xenpt.format.journal.JournalFile;
import xenpt.format.journal.RebootTrace;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The reads of {@link RebootFacts}, a round of their own after the first (the evacuation question needs the host
 * uuid): pool size, HA, the VMs HA protects, and xapi's list of VMs that prevent evacuating this host (xen-facts §11;
 * format in docs/xen-facts-additions.md). A read that fails counts as "nothing": a host without HA answers
 * {@code false}, and an evacuation check that cannot be asked is asked again by apply before it touches the host.
 */
final class RebootReads {

    static final Command HOSTS = Command.of("xe", "host-list", "params=uuid", "--minimal");
    static final Command HA_ENABLED = Command.of("xe", "pool-list", "params=ha-enabled", "--minimal");
    static final Command HA_PROTECTED = Command.of("xe", "vm-list", "is-control-domain=false",
            "ha-restart-priority=restart", "params=uuid", "--minimal");

    private RebootReads() {}

    static Command preventing(String hostUuid) {
        return Command.of("xe", "host-get-vms-which-prevent-evacuation", "uuid=" + hostUuid);
    }

    static RebootFacts read(HostSession session, String hostUuid, CommandResult journal) throws TransportException {
        Command preventing = preventing(hostUuid);
        Map<Command, CommandResult> r = Reads.runAll(session, List.of(HOSTS, HA_ENABLED, HA_PROTECTED, preventing));
        int hosts = r.get(HOSTS).ok() ? Math.max(1, XeMinimal.parse(r.get(HOSTS).stdout()).size()) : 1;
        boolean ha = r.get(HA_ENABLED).ok() && XeMinimal.parse(r.get(HA_ENABLED).stdout()).contains("true");
        Set<String> protectedVms = r.get(HA_PROTECTED).ok()
                ? new TreeSet<>(XeMinimal.parse(r.get(HA_PROTECTED).stdout())) : Set.of();
        Optional<RebootTrace> unfinished = journal.ok() ? JournalFile.unfinishedReboot(journal.stdout()) : Optional.empty();
        return new RebootFacts(hosts, ha, protectedVms, preventing(r.get(preventing)), unfinished);
    }

    /** One record per VM: {@code uuid}, {@code name-label}, {@code reason} (cli_operations.ml). */
    static Map<String, String> preventing(CommandResult r) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!r.ok()) return out;
        for (XeRecords.XeRecord rec : XeRecords.parse(r.stdout())) {
            if (!rec.get("uuid").isEmpty()) out.put(rec.get("uuid"), rec.get("reason"));
        }
        return out;
    }
}
