package xenpt.observed;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import xenpt.format.hide.HideValue;
import xenpt.format.journal.JournalFile;
import xenpt.format.otherconfig.OtherConfigPci;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/** The commands of one observation (docs/observation-commands.md) and running a batch of them at once. */
final class Reads {

    static final Command INVENTORY = Command.of("cat", "/etc/xensource-inventory");
    static final Command CMDLINE = Command.of("cat", "/proc/cmdline");
    static final Command BOOT_ID = Command.of("cat", "/proc/sys/kernel/random/boot_id");
    static final Command PCIBACK = Command.of("ls", "/sys/bus/pci/drivers/pciback");
    static final Command LSPCI = Command.of("lspci", "-D", "-vmm", "-nn", "-k");
    static final String GRUB_EFI_PATH = "/boot/efi/EFI/xenserver/grub.cfg";
    static final String GRUB_BIOS_PATH = "/boot/grub/grub.cfg";
    static final String EXTLINUX_PATH = "/boot/extlinux.conf";
    static final Command GRUB_EFI = Command.of("cat", GRUB_EFI_PATH);
    static final Command GRUB_BIOS = Command.of("cat", GRUB_BIOS_PATH);
    static final Command EXTLINUX = Command.of("cat", EXTLINUX_PATH);
    static final Command XEN_CMDLINE = Command.of("/opt/xensource/libexec/xen-cmdline", "--get-dom0", HideValue.KEY);
    static final Command PCI_LIST = Command.of("xe", "pci-list", "params=uuid,pci-id,host-uuid");
    static final Command VM_LIST = Command.of("xe", "vm-list", "is-control-domain=false",
            "params=uuid,name-label,power-state,resident-on,affinity,other-config,dom-id");
    static final Command POOL_MASTER = Command.of("xe", "pool-list", "params=master", "--minimal");
    static final Command MANAGEMENT_PIF = Command.of("xe", "pif-list", "management=true", "params=device,host-uuid");
    static final Command NET_LINKS = Command.of("ls", "-l", "/sys/class/net");
    static final Command DISK_BY_ID = Command.of("ls", "-l", "/dev/disk/by-id");
    static final Command BLOCK_LINKS = Command.of("ls", "-l", "/sys/block");
    static final Command JOURNAL = Command.of("cat", JournalFile.PATH);
    static final Command PCI_BACKENDS = PciBackendListing.COMMAND;

    /** Round 1: everything that does not depend on another answer. */
    static final List<Command> ROUND_ONE = List.of(INVENTORY, CMDLINE, BOOT_ID, PCIBACK, LSPCI, GRUB_EFI, GRUB_BIOS,
            EXTLINUX, XEN_CMDLINE, PCI_LIST, VM_LIST, POOL_MASTER, MANAGEMENT_PIF, NET_LINKS, DISK_BY_ID, BLOCK_LINKS,
            JOURNAL, PCI_BACKENDS);

    private Reads() {}

    static Command vmParam(String uuid, String param) {
        return Command.of("xe", "vm-param-get", "uuid=" + uuid, "param-name=" + param);
    }

    static Command vmOtherConfigPci(String uuid) {
        return Command.of("xe", "vm-param-get", "uuid=" + uuid, "param-name=" + OtherConfigPci.MAP,
                "param-key=" + OtherConfigPci.KEY);
    }

    /**
     * Runs all commands at once, one virtual thread and one channel each, and returns their results by command.
     * The first transport failure is rethrown (the connection is gone or unusable; the observation is lost).
     */
    static Map<Command, CommandResult> runAll(HostSession session, Collection<Command> commands) throws TransportException {
        Map<Command, Future<CommandResult>> pending = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Command c : commands) pending.putIfAbsent(c, pool.submit(() -> session.run(c)));
            Map<Command, CommandResult> results = new LinkedHashMap<>();
            for (Map.Entry<Command, Future<CommandResult>> e : pending.entrySet()) {
                results.put(e.getKey(), await(e.getValue()));
            }
            return results;
        }
    }

    private static CommandResult await(Future<CommandResult> f) throws TransportException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while observing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransportException t) throw t;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The output of a one-line command without its final newline. */
    static String line(CommandResult r) {
        String s = r.stdout();
        if (s.endsWith("\n")) s = s.substring(0, s.length() - 1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
