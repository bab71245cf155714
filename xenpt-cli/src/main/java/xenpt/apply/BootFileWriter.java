package xenpt.apply;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.stream.Stream;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * Replaces a boot file on a host so that it is whole at every moment (SPEC §5 step 3): a timestamped backup beside it
 * ({@code <file>.xenpt-<yyyyMMdd'T'HHmmss'Z'>}, UTC; {@code .1}, {@code .2}, … appended when that name is taken, so no
 * backup is ever overwritten), the new content written to {@code <dir>/.<name>.xenpt-tmp} over
 * SFTP (mode 0644), renamed over the original with {@code mv} (one rename(2), atomic), then read back with
 * {@code cat} and compared byte for byte. An interruption before the rename leaves the original, after it the new
 * content; a temporary file left by a lost connection is overwritten by the next run. A boot file that is a symbolic
 * link is edited where it points ({@code readlink -f}): backup, temporary file and rename beside the target, so the
 * link stays a link. When a step fails before the rename, the original is untouched and the backup of that attempt is
 * removed again (a full disk must not fill up with one more backup per retry); a full file system is named as such
 * ({@link DiskSpace}).
 */
final class BootFileWriter {

    static final int MODE = 0644;
    static final String TMP_SUFFIX = ".xenpt-tmp";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final HostSession session;
    private final Clock clock;

    BootFileWriter(HostSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    /** The file's text as it is now (SFTP), UTF-8; a file that is not valid UTF-8 is refused rather than re-encoded. */
    String read(String path) throws ApplyException, TransportException {
        byte[] bytes = session.readFile(path);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ApplyException(session.host() + ": " + path + " is not UTF-8 text; xenpt does not edit it", e);
        }
    }

    /**
     * Replaces {@code path}'s content {@code expected} with {@code next}; writes nothing (no backup either) when they
     * are equal.
     *
     * @return whether the file was written
     * @throws ApplyException when the file is no longer {@code expected}, or a step failed or did not verify
     */
    boolean replace(String path, String expected, String next) throws ApplyException, TransportException {
        if (!read(path).equals(expected)) {
            throw new ApplyException(session.host() + ": " + path + " changed while xenpt was editing it; nothing written");
        }
        if (expected.equals(next)) return false;
        byte[] bytes = next.getBytes(StandardCharsets.UTF_8);
        String target = target(path);
        String backup = backup(target);
        String tmp = tempPath(target);
        try {
            session.writeFile(tmp, bytes, MODE);
        } catch (TransportException e) {
            removeOrRethrow(e, tmp, backup);
            throw new ApplyException(DiskSpace.explain(session, tmp, bytes.length).orElse(e.getMessage()), e);
        }
        CommandResult mv = session.run(Command.of("mv", "-f", tmp, target));
        if (!mv.ok()) {
            session.run(Command.of("rm", "-f", tmp, backup));
            throw Remote.failed(session, "rename of " + tmp + " over " + target + " (mv)", mv);
        }
        verify(path, bytes);
        return true;
    }

    /** The file {@code path} names after every symbolic link is followed ({@code readlink -f}); {@code path} itself if none. */
    String target(String path) throws ApplyException, TransportException {
        CommandResult r = Remote.must(session, Command.of("readlink", "-f", path), "resolving " + path + " (readlink -f)");
        String target = r.stdout().strip();
        if (!target.startsWith("/")) {
            throw new ApplyException(session.host() + ": readlink -f " + path + " gave '" + target + "', not an absolute path");
        }
        return target;
    }

    /** {@code <dir>/.<name>.xenpt-tmp}: same directory, so the rename stays on one file system. */
    static String tempPath(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + "." + path.substring(slash + 1) + TMP_SUFFIX;
    }

    /** Copies {@code path} to a free backup name beside it; returns that name. */
    String backup(String path) throws ApplyException, TransportException {
        String backup = freeBackupName(path + ".xenpt-" + STAMP.format(clock.instant()));
        CommandResult cp = session.run(Command.of("cp", "-p", path, backup));
        if (!cp.ok()) {
            session.run(Command.of("rm", "-f", backup)); // a failed cp may leave a truncated copy behind
            ApplyException failed = Remote.failed(session, "backup of " + path + " (cp)", cp);
            String full = DiskSpace.full(session, backup, 0).map(m -> "; " + m).orElse("");
            throw new ApplyException(failed.getMessage() + full);
        }
        return backup;
    }

    /**
     * {@code base}, or {@code base.1}, {@code base.2}, … when taken: a second edit in the same second must not
     * overwrite the backup of the first, which may be the only copy of the file from before xenpt.
     */
    private String freeBackupName(String base) throws ApplyException, TransportException {
        String name = base;
        for (int n = 1; session.run(Command.of("test", "-e", name)).ok(); n++) {
            if (n > 99) throw new ApplyException(session.host() + ": no free backup name beside " + base + " (tried .1 to .99)");
            name = base + "." + n;
        }
        return name;
    }

    private void verify(String path, byte[] written) throws ApplyException, TransportException {
        CommandResult cat = Remote.must(session, Command.of("cat", path), "read-back of " + path + " (cat)");
        if (!Arrays.equals(cat.stdout().getBytes(StandardCharsets.UTF_8), written)) {
            throw new ApplyException(session.host() + ": read-back of " + path
                    + " does not match what was written (another writer?); the previous content is in its .xenpt-* backup");
        }
    }

    /** Removes the temporary file and the backup; when even that fails for lack of a connection, that is the news. */
    private void removeOrRethrow(TransportException cause, String... files) throws TransportException {
        try {
            session.run(new Command(Stream.concat(Stream.of("rm", "-f"), Arrays.stream(files)).toList()));
        } catch (TransportException gone) {
            cause.addSuppressed(gone);
            throw cause;
        }
    }
}
