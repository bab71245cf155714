package xenpt.observed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import xenpt.format.otherconfig.OtherConfigPci;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;

/**
 * Builds the VM records from the round-1 {@code xe vm-list} output plus a round 2 of exact reads: the
 * {@code other-config:pci} value of every VM whose (unescaped) other-config mentions {@code pci}, and each field of a
 * record that did not parse cleanly. A record whose uuid xapi does not know was forged by a value with newlines
 * and is dropped.
 */
final class VmReader {

    static final List<String> FIELDS = List.of("uuid", "name-label", "power-state", "resident-on", "affinity", "other-config",
            "dom-id");
    private static final List<String> REREAD = List.of("name-label", "power-state", "resident-on", "affinity", "dom-id");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** What xe prints for an unset reference (resident-on of a halted VM, no affinity). */
    private static final String NO_REF = "<not in database>";

    private final HostSession session;

    VmReader(HostSession session) {
        this.session = session;
    }

    /** The round-1 records that can be asked about, and the round-2 reads they need. */
    record Round2(List<XeRecords.XeRecord> records, Set<Command> reads) {
        Round2 {
            records = List.copyOf(records);
            reads = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(reads));
        }
    }

    /** What round 2 must read for the VMs of the round-1 {@code xe vm-list}. */
    Round2 plan(CommandResult vmList) throws ObservationException {
        Optional<XeError> error = XeError.of(vmList);
        if (error.isPresent()) throw new ObservationException(session.host() + ": xe vm-list failed: " + error.get().message());
        List<XeRecords.XeRecord> records = new ArrayList<>();
        Set<Command> round2 = new LinkedHashSet<>();
        for (XeRecords.XeRecord r : XeRecords.parse(vmList.stdout())) {
            if (!UUID.matcher(r.get("uuid")).matches()) continue; // nothing can be asked about it
            records.add(r);
            boolean clean = clean(r);
            if (!clean) REREAD.forEach(p -> round2.add(Reads.vmParam(r.get("uuid"), p)));
            if (!clean || r.get("other-config").contains("pci")) round2.add(Reads.vmOtherConfigPci(r.get("uuid")));
        }
        return new Round2(records, round2);
    }

    /** The VM records from the plan and round 2's answers (which hold at least {@code plan.reads()}). */
    List<VmRecord> read(Round2 plan, Map<Command, CommandResult> answers) throws ObservationException {
        List<VmRecord> vms = new ArrayList<>();
        for (XeRecords.XeRecord r : plan.records()) {
            vm(r, answers).ifPresent(vms::add);
        }
        return vms;
    }

    static boolean clean(XeRecords.XeRecord r) {
        return r.clean() && r.fields().keySet().equals(new LinkedHashSet<>(FIELDS)) && powerState(r.get("power-state")).isPresent();
    }

    private Optional<VmRecord> vm(XeRecords.XeRecord r, Map<Command, CommandResult> answers) throws ObservationException {
        String uuid = r.get("uuid");
        Map<String, String> f = new java.util.HashMap<>(r.fields());
        if (!clean(r)) {
            for (String p : REREAD) {
                CommandResult a = answers.get(Reads.vmParam(uuid, p));
                if (isGone(a)) return Optional.empty();
                f.put(p, Reads.line(checked(a)));
            }
        }
        Optional<String> pciRaw = Optional.empty();
        CommandResult pci = answers.get(Reads.vmOtherConfigPci(uuid));
        if (pci != null) {
            if (isGone(pci)) return Optional.empty();
            Optional<XeError> e = XeError.of(pci);
            if (e.isEmpty()) pciRaw = Optional.of(Reads.line(pci));
            else if (e.get().kind() != XeError.Kind.KEY_NOT_FOUND) checked(pci);
        }
        Optional<PowerState> power = powerState(f.getOrDefault("power-state", ""));
        if (power.isEmpty()) throw new ObservationException(session.host() + ": VM " + uuid + " has an unknown power-state '" + f.get("power-state") + "'");
        return Optional.of(new VmRecord(uuid, f.getOrDefault("name-label", ""), power.get(),
                ref(f.get("resident-on")), ref(f.get("affinity")), pciRaw,
                pciRaw.map(OtherConfigPci::parse).orElse(List.of()), domId(f.get("dom-id")), Optional.empty()));
    }

    private static boolean isGone(CommandResult a) {
        return XeError.of(a).map(e -> e.kind() == XeError.Kind.UUID_INVALID).orElse(false);
    }

    private CommandResult checked(CommandResult a) throws ObservationException {
        Optional<XeError> e = XeError.of(a);
        if (e.isPresent()) throw new ObservationException(session.host() + ": " + a.command() + " failed: " + e.get().message());
        return a;
    }

    private static Optional<PowerState> powerState(String word) {
        try {
            return Optional.of(PowerState.fromXe(word));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code dom-id} (an Int64 as text; -1 without a domain); anything else counts as no domain. */
    private static long domId(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String ref(String value) {
        return value == null || value.equals(NO_REF) ? "" : value.strip();
    }
}
