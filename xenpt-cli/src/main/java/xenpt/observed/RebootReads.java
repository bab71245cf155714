package xenpt.observed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xenpt.format.journal.JournalFile;
import xenpt.format.journal.RebootTrace;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;

/**
 * The reads of {@link RebootFacts}, folded into the observation's two rounds: pool size, HA and the VMs HA protects
 * are fixed reads of round 1; xapi's list of VMs that prevent evacuating this host needs the host uuid (from round
 * 1's inventory), so it is a round-2 template with the uuid on stdin (xen-facts §11; format in
 * docs/xen-facts-additions.md). A read that fails counts as "nothing": a host without HA answers
 * {@code false}, and an evacuation check that cannot be asked is asked again by apply before it touches the host.
 */
final class RebootReads {

    static final Command HOSTS = Command.of("xe", "host-list", "params=uuid", "--minimal");
    static final Command HA_ENABLED = Command.of("xe", "pool-list", "params=ha-enabled", "--minimal");
    static final Command HA_PROTECTED = Command.of("xe", "vm-list", "is-control-domain=false",
            "ha-restart-priority=restart", "params=uuid", "--minimal");

    static final ReadScript.Template PREVENTING = ReadScript.Template.of("host-prevent",
            "xe", "host-get-vms-which-prevent-evacuation", "uuid=" + ReadScript.SLOT);

    private RebootReads() {}

    /** The round-2 read for this host; none when the inventory's uuid is not a uuid (then nothing counts as preventing). */
    static Optional<Command> preventing(String hostUuid) {
        return ReadScript.UUID.matcher(hostUuid).matches() ? Optional.of(PREVENTING.command(hostUuid)) : Optional.empty();
    }

    /**
     * @param r          the round-1 answers (with {@link #HOSTS}, {@link #HA_ENABLED}, {@link #HA_PROTECTED} and the journal)
     * @param preventing the round-2 answer of {@link #preventing}, if it was asked
     */
    static RebootFacts facts(Map<Command, CommandResult> r, Optional<CommandResult> preventing, CommandResult journal) {
        int hosts = r.get(HOSTS).ok() ? Math.max(1, XeMinimal.parse(r.get(HOSTS).stdout()).size()) : 1;
        boolean ha = r.get(HA_ENABLED).ok() && XeMinimal.parse(r.get(HA_ENABLED).stdout()).contains("true");
        Set<String> protectedVms = r.get(HA_PROTECTED).ok()
                ? new TreeSet<>(XeMinimal.parse(r.get(HA_PROTECTED).stdout())) : Set.of();
        Optional<RebootTrace> unfinished = journal.ok() ? JournalFile.unfinishedReboot(journal.stdout()) : Optional.empty();
        Map<String, String> blocking = preventing.map(RebootReads::preventing).orElseGet(Map::of);
        return new RebootFacts(hosts, ha, protectedVms, blocking, unfinished);
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
