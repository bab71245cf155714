package xenpt.sim;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mv} (one rename(2): atomic, also over an existing file or empty directory, never over a non-empty directory;
 * {@code -T} renames onto the destination itself instead of into it), {@code cp} and {@code rm}, with GNU messages. With a
 * full boot partition, {@code cp} into {@code /boot} truncates its target and fails, as the real one does after
 * opening it; {@code mv} and {@code rm} need no space and still work.
 */
final class MoveCommands {

    private final HostContext ctx;
    private final RootFs fs;

    MoveCommands(HostContext ctx) {
        this.ctx = ctx;
        this.fs = ctx.fs();
    }

    Outcome mv(List<String> args) throws IOException {
        List<String> ops = FileCommands.operands(args);
        if (ops.size() < 2) return Outcome.fail(1, "mv: missing destination file operand after '"
                + (ops.isEmpty() ? "" : ops.get(0)) + "'\nTry 'mv --help' for more information.\n");
        String dest = ops.get(ops.size() - 1);
        boolean noTargetDir = args.contains("-T") || args.contains("--no-target-directory");
        if (noTargetDir && ops.size() > 2) return Outcome.fail(1, "mv: extra operand '" + ops.get(2)
                + "'\nTry 'mv --help' for more information.\n");
        StringBuilder err = new StringBuilder();
        for (String src : ops.subList(0, ops.size() - 1)) {
            Path from = fs.noFollow(src);
            if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                err.append("mv: cannot stat '").append(src).append("': No such file or directory\n");
                continue;
            }
            Path to = noTargetDir ? fs.noFollow(dest) : target(src, dest);
            if (Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS) && !isEmptyDir(to)) {
                // rename(2) of anything onto a non-empty directory fails with ENOTEMPTY (or EEXIST; Linux says
                // ENOTEMPTY on ext4 and tmpfs), and GNU mv reports it as it is [src: coreutils copy.c, rename(2)].
                // Onto an empty directory it succeeds and replaces it, as below.
                err.append("mv: cannot move '").append(src).append("' to '").append(dest)
                        .append("': Directory not empty\n");
                continue;
            }
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                err.append("mv: cannot move '").append(src).append("' to '").append(dest).append("': ")
                        .append(Errors.text(e)).append('\n');
            }
        }
        return Outcome.of(err.isEmpty() ? 0 : 1, "", err.toString());
    }

    Outcome cp(List<String> args) throws IOException {
        boolean preserve = args.stream().anyMatch(a -> a.matches("-[a-zA-Z]*[pa][a-zA-Z]*"));
        List<String> ops = FileCommands.operands(args);
        if (ops.size() < 2) return Outcome.fail(1, "cp: missing destination file operand\n");
        String dest = ops.get(ops.size() - 1);
        StringBuilder err = new StringBuilder();
        for (String src : ops.subList(0, ops.size() - 1)) {
            Path from = fs.follow(src);
            if (!Files.exists(from)) {
                err.append("cp: cannot stat '").append(src).append("': No such file or directory\n");
            } else if (Files.isDirectory(from)) {
                err.append("cp: -r not specified; omitting directory '").append(src).append("'\n");
            } else {
                copyOne(from, src, dest, preserve, err);
            }
        }
        return Outcome.of(err.isEmpty() ? 0 : 1, "", err.toString());
    }

    private void copyOne(Path from, String src, String dest, boolean preserve, StringBuilder err)
            throws IOException {
        Path to = target(src, dest);
        String shown = Files.isDirectory(fs.follow(dest)) ? dest + "/" + Path.of(src).getFileName() : dest;
        try {
            if (ctx.diskFull(fs.resolve(shown, true))) {
                Files.write(to, new byte[0]);
                err.append("cp: error writing '").append(shown).append("': No space left on device\n");
                return;
            }
            List<CopyOption> opts = new ArrayList<>(List.of(StandardCopyOption.REPLACE_EXISTING));
            if (preserve) opts.add(StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(from, to, opts.toArray(CopyOption[]::new));
        } catch (IOException e) {
            err.append("cp: cannot create regular file '").append(shown).append("': ").append(Errors.text(e))
                    .append('\n');
        }
    }

    Outcome rm(List<String> args) throws IOException {
        boolean force = args.stream().anyMatch(a -> a.matches("-[a-zA-Z]*f[a-zA-Z]*"));
        boolean recursive = args.stream().anyMatch(a -> a.matches("-[a-zA-Z]*[rR][a-zA-Z]*"));
        StringBuilder err = new StringBuilder();
        for (String a : FileCommands.operands(args)) {
            Path p = fs.noFollow(a);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                if (!force) err.append("rm: cannot remove '").append(a).append("': No such file or directory\n");
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !recursive) {
                err.append("rm: cannot remove '").append(a).append("': Is a directory\n");
            } else {
                RuntimeTree.deleteTree(p);
            }
        }
        return Outcome.of(err.isEmpty() ? 0 : 1, "", err.toString());
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** {@code dest} itself, or {@code dest/<name of src>} when {@code dest} is a directory. */
    private Path target(String src, String dest) throws IOException {
        Path d = fs.follow(dest);
        if (Files.isDirectory(d)) return d.resolve(Path.of(RootFs.absolute(src)).getFileName().toString());
        return fs.noFollow(dest);
    }
}
