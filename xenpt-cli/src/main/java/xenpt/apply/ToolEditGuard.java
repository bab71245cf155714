package xenpt.apply;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import xenpt.desired.PciAddress;
import xenpt.observed.BootConfig;
import xenpt.transport.Command;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The boot file around the host's own tools (xen-cmdline, and xapi, which calls it): they rewrite the file in place
 * and not atomically (xen-facts §11), so xenpt takes its own backup first (the {@link BootFileWriter} naming, beside the
 * link target), checks the file after the last call ({@link BootEditCheck}: the default entry's dom0 arguments are
 * the old ones plus/minus the hide argument), and when a call failed or the result is wrong puts the old file back
 * atomically (the backup renamed over it). A failed attempt that changed nothing removes its backup again.
 */
final class ToolEditGuard {

    private final HostSession session;
    private final BootFileWriter writer;
    private final BootConfig.Format format;
    private final String path;
    private final String target;
    private final String before;
    private final String backup;

    private ToolEditGuard(HostSession session, BootFileWriter writer, BootConfig.Format format, String path,
            String target, String before, String backup) {
        this.session = session;
        this.writer = writer;
        this.format = format;
        this.path = path;
        this.target = target;
        this.before = before;
        this.backup = backup;
    }

    /** Reads the boot file in use and backs it up. */
    static ToolEditGuard begin(HostSession session, Clock clock, BootConfig boot) throws ApplyException, TransportException {
        BootFileWriter writer = new BootFileWriter(session, clock);
        String before = writer.read(boot.path());
        String target = writer.target(boot.path());
        return new ToolEditGuard(session, writer, boot.format(), boot.path(), target, before, writer.backup(target));
    }

    /** After the last call: the file must be the old one with the default entry's hide list {@code after}, else it is restored. */
    void finish(Set<PciAddress> after) throws ApplyException, TransportException {
        String now = writer.read(path);
        Optional<String> problem = BootEditCheck.problem(format, path, before, now, after, true);
        if (problem.isEmpty()) return;
        restore();
        throw new ApplyException(session.host() + ": after the change " + path + " was wrong (" + problem.get()
                + "); the previous file was put back");
    }

    /** After a failed call: puts the old file back if the tool changed it, else removes the unneeded backup. */
    ApplyException failed(ApplyException cause) throws TransportException {
        String full = DiskSpace.full(session, target, 0).map(m -> "; " + m).orElse("");
        try {
            if (writer.read(path).equals(before)) {
                session.run(Command.of("rm", "-f", backup));
                return full.isEmpty() ? cause : new ApplyException(cause.getMessage() + full, cause);
            }
            restore();
            return new ApplyException(cause.getMessage() + full + "; the previous " + path + " was put back", cause);
        } catch (ApplyException e) {
            cause.addSuppressed(e);
            return cause;
        }
    }

    /**
     * Renames the backup over the file: atomic, and it needs no free space (the tool may just have failed on a full
     * disk). The backup made by this attempt is then the file again, so none is left behind.
     */
    private void restore() throws ApplyException, TransportException {
        Remote.must(session, Command.of("mv", "-f", backup, target), "restore of " + target + " from " + backup + " (mv)");
        if (!writer.read(path).equals(before)) {
            throw new ApplyException(session.host() + ": " + path + " differs from its backup " + backup + " after the restore");
        }
    }
}
