package xenpt.observed;

import java.util.List;
import java.util.Map;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The extra reads of {@code xenpt doctor}, fixed words, run at once: the dom0 kernel's messages ({@code dmesg}, and
 * {@code /var/log/kern.log} when the ring buffer has wrapped), Xen's ({@code xl info}, {@code xl dmesg}) and the
 * devices' capabilities ({@code lspci -D -vv}). A read that fails counts as empty text: the doctor then has no
 * evidence of that kind and says nothing about it.
 */
public final class DoctorReads {

    /** The texts as read. */
    public record Evidence(String dmesg, String kernLog, String xlInfo, String xlDmesg, String lspciVv) {}

    static final Command DMESG = Command.of("dmesg");
    static final Command KERN_LOG = Command.of("cat", "/var/log/kern.log");
    static final Command XL_INFO = Command.of("xl", "info");
    static final Command XL_DMESG = Command.of("xl", "dmesg");
    static final Command LSPCI_VV = Command.of("lspci", "-D", "-vv");
    /** All of them, in the order of the script (one exec channel, {@link Reads#runAll}). */
    static final List<Command> ALL = List.of(DMESG, KERN_LOG, XL_INFO, XL_DMESG, LSPCI_VV);

    private DoctorReads() {}

    public static Evidence read(HostSession session) throws TransportException {
        Map<Command, CommandResult> r = Reads.runAll(session, ALL);
        return new Evidence(text(r.get(DMESG)), text(r.get(KERN_LOG)), text(r.get(XL_INFO)), text(r.get(XL_DMESG)),
                text(r.get(LSPCI_VV)));
    }

    private static String text(CommandResult r) {
        return r.ok() ? r.stdout() : "";
    }
}
