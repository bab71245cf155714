package xenpt.observed;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xenpt.format.hide.HideValue;
import xenpt.format.journal.JournalFile;
import xenpt.format.otherconfig.OtherConfigPci;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.OutputTooLarge;
import xenpt.transport.TransportException;

/** The commands of one observation (docs/observation-commands.md) and running a batch of them as one script. */
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
            JOURNAL, PCI_BACKENDS, RebootReads.HOSTS, RebootReads.HA_ENABLED, RebootReads.HA_PROTECTED);

    /**
     * The reads that may be sections of a read script's text: fixed words only (round 1 and doctor's own round).
     * Add a new fixed read here.
     */
    static final Set<Command> FIXED = union(ROUND_ONE, DoctorReads.ALL);

    private static final String UUID_WORD = "uuid=" + ReadScript.SLOT;
    static final ReadScript.Template VM_PCI = ReadScript.Template.of("vm-pci", "xe", "vm-param-get", UUID_WORD,
            "param-name=" + OtherConfigPci.MAP, "param-key=" + OtherConfigPci.KEY);

    /**
     * Round-2 reads of one object by uuid (the uuid travels on stdin, never in the script text). Add a template here
     * for a new read by uuid; the command must then be built with {@link ReadScript.Template#command}.
     */
    static final List<ReadScript.Template> TEMPLATES = List.of(VM_PCI,
            vmParamTemplate("name-label"), vmParamTemplate("power-state"), vmParamTemplate("resident-on"),
            vmParamTemplate("affinity"), vmParamTemplate("dom-id"), RebootReads.PREVENTING);

    private Reads() {}

    private static Set<Command> union(List<Command> a, List<Command> b) {
        Set<Command> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static ReadScript.Template vmParamTemplate(String param) {
        return ReadScript.Template.of("vm-" + param, "xe", "vm-param-get", UUID_WORD, "param-name=" + param);
    }

    static Command vmParam(String uuid, String param) {
        return TEMPLATES.stream().filter(t -> t.kind().equals("vm-" + param)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no round-2 read of VM param " + param)).command(uuid);
    }

    static Command vmOtherConfigPci(String uuid) {
        return VM_PCI.command(uuid);
    }

    /**
     * Runs the reads as one script on one channel ({@link ReadScript}) and returns their results by command, each
     * with its own exit status, stdout and stderr. Nothing is sent for no reads.
     *
     * @throws TransportException when the connection fails or the script stops before its last read
     * @throws IllegalArgumentException for a read that is neither in {@link #FIXED} nor one of {@link #TEMPLATES}
     */
    static Map<Command, CommandResult> runAll(HostSession session, Collection<Command> commands) throws TransportException {
        if (commands.isEmpty()) return Map.of();
        ReadScript script = ReadScript.of(commands, FIXED, TEMPLATES);
        String nonce = nonce();
        CommandResult answer;
        try {
            answer = session.run(script.command(nonce));
        } catch (OutputTooLarge e) {
            throw ScriptOutput.tooLarge(session.host(), script, e, nonce);
        }
        return ScriptOutput.parse(session.host(), script, answer, nonce);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** 128 random bits in hex: the section boundary of one run, unknown to anything on the host before it runs. */
    static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The output of a one-line command without its final newline. */
    static String line(CommandResult r) {
        String s = r.stdout();
        if (s.endsWith("\n")) s = s.substring(0, s.length() - 1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
