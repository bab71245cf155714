package xenpt.apply;

import java.util.List;
import java.util.Optional;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * Says that a write failed because its file system is full. SFTP has no status for that (OpenSSH's sftp-server answers
 * ENOSPC with the generic {@code SSH_FX_FAILURE}, "Failure"), so after a failed write the free space is read with
 * {@code df -P -k} (POSIX output: {@code Filesystem 1024-blocks Used Available Capacity Mounted on}).
 */
final class DiskSpace {

    /** Slack for file system blocks and metadata: a file of N KiB may need a few KiB more. */
    private static final long SLACK_KIB = 4;

    private DiskSpace() {}

    /**
     * @param file   the file whose write failed
     * @param needed its size in bytes (0: any write counts)
     * @return {@code <host>: cannot write <file>: } and {@link #full}
     */
    static Optional<String> explain(HostSession session, String file, long needed) throws TransportException {
        return full(session, file, needed).map(f -> session.host() + ": cannot write " + file + ": " + f);
    }

    /**
     * @return {@code the file system mounted on <mount> (<device>) is full (<n> KiB free, <m> KiB needed)}, or empty
     *     when {@code df} shows enough space or cannot tell
     */
    static Optional<String> full(HostSession session, String file, long needed) throws TransportException {
        String dir = file.substring(0, Math.max(1, file.lastIndexOf('/')));
        CommandResult r = session.run(Command.of("df", "-P", "-k", dir));
        if (!r.ok()) return Optional.empty();
        List<String> lines = r.stdout().lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) return Optional.empty();
        String[] f = lines.get(lines.size() - 1).trim().split("\\s+", 6);
        if (f.length < 6 || !f[3].matches("\\d{1,18}")) return Optional.empty();
        long free = Long.parseLong(f[3]);
        long neededKib = (needed + 1023) / 1024;
        if (free >= neededKib + SLACK_KIB) return Optional.empty();
        return Optional.of("the file system mounted on " + f[5] + " (" + f[0]
                + ") is full (" + free + " KiB free" + (needed > 0 ? ", " + neededKib + " KiB needed" : "") + ")");
    }
}
