package xenpt.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The host's file tree: virtual absolute paths ({@code /etc/xensource-inventory}) mapped onto real files under
 * {@code <state>/root}. Symbolic links are resolved here, in the virtual namespace (an absolute target restarts at the
 * virtual root, {@code ..} stops at it), so no path or link can reach outside the tree.
 */
final class RootFs {

    /** Linux's limit on symbolic links followed while resolving one path (ELOOP). */
    private static final int MAX_LINKS = 40;

    /** Where relative paths of commands start: root's home directory, as in an SSH session. */
    static final String HOME = "/root";

    private final Path root;

    RootFs(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** {@code path} made absolute (against {@link #HOME}) and lexically normalised; never above {@code /}. */
    static String absolute(String path) {
        String full = path.startsWith("/") ? path : HOME + "/" + path;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : full.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) parts.pollLast();
            else parts.addLast(part);
        }
        return "/" + String.join("/", parts);
    }

    /** The real file of a virtual path, without following links (lexical mapping only). */
    Path real(String virtualPath) {
        String abs = absolute(virtualPath);
        Path p = abs.equals("/") ? root : root.resolve(abs.substring(1));
        return p.normalize();
    }

    /**
     * The virtual path with every symbolic link resolved (the last component too when {@code followLast}). Missing
     * components are kept as they are, so the result may not exist.
     */
    String resolve(String virtualPath, boolean followLast) throws IOException {
        Deque<String> todo = new ArrayDeque<>(components(absolute(virtualPath)));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.pollFirst();
            if (part.equals("..")) {
                if (!done.isEmpty()) done.remove(done.size() - 1);
                continue;
            }
            done.add(part);
            Path real = real("/" + String.join("/", done));
            if ((followLast || !todo.isEmpty()) && Files.isSymbolicLink(real)) {
                if (++links > MAX_LINKS) throw new IOException("Too many levels of symbolic links");
                String target = Files.readSymbolicLink(real).toString();
                done.remove(done.size() - 1);
                if (target.startsWith("/")) done.clear();
                List<String> more = components(target);
                for (int i = more.size() - 1; i >= 0; i--) todo.addFirst(more.get(i));
            }
        }
        return "/" + String.join("/", done);
    }

    /** The real file of {@code virtualPath} with links resolved: what open(2) would reach. */
    Path follow(String virtualPath) throws IOException {
        return real(resolve(virtualPath, true));
    }

    /** The real file of {@code virtualPath} with links resolved except the last one: what lstat(2) would see. */
    Path noFollow(String virtualPath) throws IOException {
        return real(resolve(virtualPath, false));
    }

    boolean exists(String virtualPath) {
        try {
            return Files.exists(follow(virtualPath), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code virtualPath} lies under the directory {@code dir} (both virtual, lexically normalised). */
    static boolean isUnder(String virtualPath, String dir) {
        String p = absolute(virtualPath);
        return p.equals(dir) || p.startsWith(dir + "/");
    }

    private static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) out.add(part);
        }
        return out;
    }
}
