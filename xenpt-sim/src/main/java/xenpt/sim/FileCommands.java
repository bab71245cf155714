package xenpt.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The coreutils a manager and an administrator use on the host tree ({@code cat}, {@code readlink}, {@code test},
 * {@code mkdir}, {@code rmdir}), with GNU coreutils' messages and exit codes. {@code mkdir} without {@code -p} is an
 * atomic test-and-create (the apply lock relies on it). {@code mv}, {@code cp} and {@code rm} are in
 * {@link MoveCommands}.
 */
final class FileCommands {

    private final HostContext ctx;
    private final RootFs fs;

    FileCommands(HostContext ctx) {
        this.ctx = ctx;
        this.fs = ctx.fs();
    }

    /** The one device the tree knows: a boot file that is a link to it makes {@code cat} stream forever. */
    static final String DEV_ZERO = "/dev/zero";

    Outcome cat(List<String> args) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String a : operands(args)) {
            try {
                if (fs.resolve(a, true).equals(DEV_ZERO)) {
                    return new Outcome(0, out.toString(), err.toString(), Outcome.Effect.ENDLESS_ZEROS);
                }
                Path p = fs.follow(a);
                if (Files.isDirectory(p)) err.append("cat: ").append(a).append(": Is a directory\n");
                else if (!Files.exists(p)) err.append("cat: ").append(a).append(": No such file or directory\n");
                else out.append(Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.append("cat: ").append(a).append(": ").append(Errors.text(e)).append('\n');
            }
        }
        return Outcome.of(err.isEmpty() ? 0 : 1, out.toString(), err.toString());
    }

    /** {@code readlink [-f] PATH}: the link text, or with {@code -f} the canonical path; nothing and 1 otherwise. */
    Outcome readlink(List<String> args) throws IOException {
        boolean canon = args.stream().anyMatch(a -> a.matches("-[fem]+"));
        List<String> ops = operands(args);
        if (ops.isEmpty()) return Outcome.fail(1, "readlink: missing operand\n");
        StringBuilder out = new StringBuilder();
        int exit = 0;
        for (String a : ops) {
            if (canon) {
                String r = fs.resolve(a, true);
                if (!Files.exists(fs.real(RootFs.absolute(r + "/..")), LinkOption.NOFOLLOW_LINKS)) exit = 1;
                else out.append(r).append('\n');
            } else {
                Path p = fs.noFollow(a);
                if (Files.isSymbolicLink(p)) out.append(Files.readSymbolicLink(p)).append('\n');
                else exit = 1;
            }
        }
        return Outcome.of(exit, out.toString(), "");
    }

    /** {@code test -e|-f|-d|-x|-s|-L PATH} (also as {@code [ … ]}). */
    Outcome test(List<String> args) throws IOException {
        List<String> a = new ArrayList<>(args);
        if (!a.isEmpty() && a.get(a.size() - 1).equals("]")) a.remove(a.size() - 1);
        if (a.size() != 2) return Outcome.of(a.size() == 1 && !a.get(0).isEmpty() ? 0 : 1, "", "");
        Path p = a.get(0).equals("-L") || a.get(0).equals("-h") ? fs.noFollow(a.get(1)) : fs.follow(a.get(1));
        boolean r = switch (a.get(0)) {
            case "-e" -> Files.exists(p, LinkOption.NOFOLLOW_LINKS);
            case "-f" -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
            case "-d" -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            case "-x" -> Files.isExecutable(p);
            case "-s" -> Files.isRegularFile(p) && Files.size(p) > 0;
            case "-r" -> Files.isReadable(p);
            case "-w" -> Files.isWritable(p);
            case "-L", "-h" -> Files.isSymbolicLink(p);
            default -> false;
        };
        return Outcome.of(r ? 0 : 1, "", "");
    }

    Outcome mkdir(List<String> args) throws IOException {
        boolean parents = args.contains("-p");
        StringBuilder err = new StringBuilder();
        for (String a : operands(args)) {
            String msg = "mkdir: cannot create directory '" + a + "': ";
            try {
                if (ctx.diskFull(fs.resolve(a, true))) throw new IOException("No space left on device");
                Path p = fs.follow(a);
                if (parents) {
                    if (!Files.isDirectory(p)) Files.createDirectories(p);
                } else {
                    Files.createDirectory(p);
                }
            } catch (IOException e) {
                err.append(msg).append(Errors.text(e)).append('\n');
            }
        }
        return Outcome.of(err.isEmpty() ? 0 : 1, "", err.toString());
    }

    Outcome rmdir(List<String> args) throws IOException {
        StringBuilder err = new StringBuilder();
        for (String a : operands(args)) {
            Path p = fs.noFollow(a);
            try {
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) throw new java.nio.file.NoSuchFileException(a);
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) throw new IOException("Not a directory");
                Files.delete(p);
            } catch (DirectoryNotEmptyException e) {
                err.append("rmdir: failed to remove '").append(a).append("': Directory not empty\n");
            } catch (IOException e) {
                err.append("rmdir: failed to remove '").append(a).append("': ").append(Errors.text(e)).append('\n');
            }
        }
        return Outcome.of(err.isEmpty() ? 0 : 1, "", err.toString());
    }

    /**
     * {@code stat -c FORMAT PATH…} with the sequences {@code %Y} (modification time, seconds since the epoch), {@code %n}
     * (the name) and {@code %%}; one line per path. A missing path: GNU's message, exit 1 [src: coreutils stat.c].
     */
    Outcome stat(List<String> args) throws IOException {
        int c = args.indexOf("-c");
        if (c < 0 || c + 1 >= args.size()) return Outcome.fail(1, "stat: only 'stat -c FORMAT FILE' is simulated\n");
        String format = args.get(c + 1);
        List<String> files = new ArrayList<>(args.subList(0, c));
        files.addAll(args.subList(c + 2, args.size()));
        if (files.isEmpty()) return Outcome.fail(1, "stat: missing operand\nTry 'stat --help' for more information.\n");
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String f : files) {
            Path p = fs.noFollow(f);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                err.append("stat: cannot stat '").append(f).append("': No such file or directory\n");
                continue;
            }
            long mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().getEpochSecond();
            out.append(format.replace("%%", "\0").replace("%Y", Long.toString(mtime)).replace("%n", f)
                    .replace("\0", "%")).append('\n');
        }
        return Outcome.of(err.isEmpty() ? 0 : 1, out.toString(), err.toString());
    }

    /** The non-option words ({@code --} ends options). */
    static List<String> operands(List<String> args) {
        List<String> out = new ArrayList<>();
        boolean opts = true;
        for (String a : args) {
            if (opts && a.equals("--")) opts = false;
            else if (opts && a.startsWith("-") && a.length() > 1) continue;
            else out.add(a);
        }
        return out;
    }
}
