package xenpt.observed;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import xenpt.desired.HideMethod;
import xenpt.desired.HostSpec;
import xenpt.desired.PciAddress;
import xenpt.format.journal.JournalEntry;
import xenpt.format.journal.JournalFile;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * Observes one host over one open session in one script on one exec channel, in two round trips
 * ({@link TwoRounds}): round 1 every fixed read, round 2 the reads by uuid that round 1 showed are needed (the exact
 * VM reads, and the host's evacuation check of {@link RebootReads}); then the answers are parsed into an
 * {@link ObservedHost}. Reading only: nothing here writes to a host.
 */
public final class Observer {

    private Observer() {}

    /** The host's current boot id ({@code /proc/sys/kernel/random/boot_id}); {@code ""} when it cannot be read. */
    public static String bootId(HostSession session) throws TransportException {
        CommandResult r = session.run(Reads.BOOT_ID);
        return r.ok() ? r.stdout().strip() : "";
    }

    /**
     * @param method the desired state's hide method; {@code AUTO} picks the backend from what the host has
     * @throws TransportException   when the connection fails during the reads
     * @throws ObservationException when the host's answers make no observation (not a XenServer host, xapi down…)
     */
    public static ObservedHost observe(HostSession session, String name, String address, HideMethod method)
            throws TransportException, ObservationException {
        RoundTwo two = new RoundTwo(new VmReader(session));
        TwoRounds.Answers answers = TwoRounds.run(session, Reads.ROUND_ONE, two);
        Map<Command, CommandResult> r = answers.one();
        CommandResult inv = r.get(Reads.INVENTORY);
        if (!inv.ok()) {
            throw new ObservationException(name + ": not a XenServer / XCP-ng host: cat /etc/xensource-inventory failed: " + inv.firstErrorLine());
        }
        Map<String, String> inventory = Inventory.parse(inv.stdout());
        String hostUuid = inventory.getOrDefault("INSTALLATION_UUID", "");
        if (hostUuid.isBlank()) throw new ObservationException(name + ": /etc/xensource-inventory has no INSTALLATION_UUID");
        CommandResult lspci = r.get(Reads.LSPCI);
        if (!lspci.ok()) throw new ObservationException(name + ": " + lspci.command() + " failed: " + lspci.firstErrorLine());

        Backends.Facts facts = new Backends.Facts(r.get(Reads.PCI_LIST).ok(), xenCmdlineExists(r.get(Reads.XEN_CMDLINE)),
                text(r.get(Reads.GRUB_EFI)), text(r.get(Reads.GRUB_BIOS)), text(r.get(Reads.EXTLINUX)));
        HideMethod backend = Backends.choose(method, facts);
        BootConfig boot = Backends.bootConfig(backend, facts).orElseThrow(() -> new ObservationException(name
                + ": no boot configuration for method " + backend.word() + " (looked for " + Reads.GRUB_EFI_PATH + ", "
                + Reads.GRUB_BIOS_PATH + ", " + Reads.EXTLINUX_PATH + ")"));

        PcibackListing.Pciback pciback = PcibackListing.parse(r.get(Reads.PCIBACK));
        RuntimeState runtime = new RuntimeState(Reads.line(r.get(Reads.BOOT_ID)).strip(),
                KernelArgs.hideList(Reads.line(r.get(Reads.CMDLINE))), pciback.loaded(), pciback.bound());
        boolean master = XeMinimal.parse(r.get(Reads.POOL_MASTER).stdout()).contains(hostUuid);
        HostInfo info = new HostInfo(inventory.getOrDefault("PRODUCT_BRAND", ""),
                inventory.getOrDefault("PRODUCT_VERSION", ""), hostUuid, "", master);

        List<VmRecord> vms = PciBackendListing.attach(two.vms(answers.two()), hostUuid, PciBackendListing.parse(r.get(Reads.PCI_BACKENDS)));
        Set<PciAddress> management = HostDevices.management(
                XeRecords.parse(r.get(Reads.MANAGEMENT_PIF).stdout()), hostUuid, r.get(Reads.NET_LINKS).stdout());
        Set<PciAddress> rootDisk = HostDevices.rootDisk(inventory.getOrDefault("PRIMARY_DISK", ""),
                r.get(Reads.DISK_BY_ID).stdout(), r.get(Reads.BLOCK_LINKS).stdout());
        Map<PciAddress, String> pciObjects = facts.pciApi() ? pciObjects(r.get(Reads.PCI_LIST), hostUuid) : Map.of();
        RebootFacts reboot = RebootReads.facts(r, two.preventing(answers.two()), r.get(Reads.JOURNAL));
        return new ObservedHost(name, address, info, backend, boot, runtime, Lspci.parse(lspci.stdout()), vms,
                management, rootDisk, pciObjects, journal(r.get(Reads.JOURNAL)), reboot);
    }

    /**
     * Round 2, decided inside the conversation from round 1's answers: the VM reads that round 1's {@code xe vm-list}
     * needs and the host's evacuation check. Nothing is asked of a host that round 1 shows is no XenServer host
     * ({@link #observe} then says why); a failing {@code xe vm-list} is kept and thrown where the VMs are read.
     */
    private static final class RoundTwo implements Function<Map<Command, CommandResult>, Collection<Command>> {
        private final VmReader vmReader;
        private VmReader.Round2 vmReads = new VmReader.Round2(List.of(), Set.of());
        private Optional<Command> preventing = Optional.empty();
        private ObservationException failed;

        RoundTwo(VmReader vmReader) {
            this.vmReader = vmReader;
        }

        @Override
        public Collection<Command> apply(Map<Command, CommandResult> r) {
            CommandResult inv = r.get(Reads.INVENTORY);
            String hostUuid = inv.ok() ? Inventory.parse(inv.stdout()).getOrDefault("INSTALLATION_UUID", "") : "";
            if (hostUuid.isBlank() || !r.get(Reads.LSPCI).ok()) return List.of();
            try {
                vmReads = vmReader.plan(r.get(Reads.VM_LIST));
            } catch (ObservationException e) {
                failed = e;
                return List.of();
            }
            preventing = RebootReads.preventing(hostUuid);
            Set<Command> reads = new LinkedHashSet<>(vmReads.reads());
            preventing.ifPresent(reads::add);
            return reads;
        }

        List<VmRecord> vms(Map<Command, CommandResult> answers) throws ObservationException {
            if (failed != null) throw failed;
            return vmReader.read(vmReads, answers);
        }

        Optional<CommandResult> preventing(Map<Command, CommandResult> answers) {
            return preventing.map(answers::get);
        }
    }

    /** See {@link FleetObserver#observeAll}. */
    public static List<Observation> observeAll(
            List<HostSpec> hosts, int parallelism, FleetObserver.Connector connector, Consumer<String> progress) {
        return FleetObserver.observeAll(hosts, parallelism, connector, progress);
    }

    /** A missing tool: exit 127 from the shell, or "No such file" (docs/observation-commands.md). */
    static boolean xenCmdlineExists(CommandResult r) {
        return r.exitCode() != 127 && !(r.exitCode() != 0 && r.stderr().contains("No such file or directory"));
    }

    /** A file's text when {@code cat} succeeded; any failure counts as absent, as for xen-cmdline's own lookup. */
    private static Optional<String> text(CommandResult cat) {
        return cat.ok() ? Optional.of(cat.stdout()) : Optional.empty();
    }

    /** The journal's last record; absent until the first apply, and any failure to read it counts as absent. */
    private static Optional<JournalEntry> journal(CommandResult cat) {
        return cat.ok() ? JournalFile.last(cat.stdout()) : Optional.empty();
    }

    /** pci-id → PCI object uuid for this host (in a pool every member's objects are listed). */
    static Map<PciAddress, String> pciObjects(CommandResult pciList, String hostUuid) {
        Map<PciAddress, String> objects = new TreeMap<>();
        for (XeRecords.XeRecord rec : XeRecords.parse(pciList.stdout())) {
            String host = rec.get("host-uuid");
            if (!host.isEmpty() && !host.equals(hostUuid)) continue;
            PciAddress.tryParse(rec.get("pci-id")).ifPresent(a -> objects.putIfAbsent(a, rec.get("uuid")));
        }
        return objects;
    }
}
