package xenpt.diag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Local files named by the user (desired state, saved plans, reports): only regular files are opened, and never read
 * past a bound, so that a FIFO cannot block xenpt and {@code /dev/zero} cannot exhaust its memory. Lives beside
 * {@link SourceLines}, the other reader of user files, because every package may depend on {@code diag}.
 */
public final class LocalFiles {

    private LocalFiles() {}

    /**
     * What {@code p} is when it is not a regular file (following links): "a FIFO", "a directory", "a dangling symbolic
     * link"...; empty for a regular file, or a link to one. A path that does not exist at all is "no such file".
     */
    public static Optional<String> notRegular(Path p) {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return Optional.of("no such file");
        }
        BasicFileAttributes target;
        try {
            target = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (FileSystemException e) {
            boolean loop = e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("levels");
            return Optional.of(loop ? "a symbolic link loop" : "a dangling symbolic link");
        } catch (IOException e) {
            return Optional.of(own.isSymbolicLink() ? "a dangling symbolic link" : "unreadable: " + e.getMessage());
        }
        if (target.isRegularFile()) return Optional.empty();
        String via = own.isSymbolicLink() ? "a symbolic link to " : "";
        if (target.isDirectory()) return Optional.of(via + "a directory");
        return Optional.of(via + special(p));
    }

    /** The kind of a special file, from its mode where the platform tells it (Linux, macOS). */
    private static String special(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a FIFO, socket or device";
        }
    }

    /** The first {@code max} bytes of {@code p} at most, however large the file is or claims to be. */
    public static byte[] readAtMost(Path p, long max) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max));
        }
    }
}
