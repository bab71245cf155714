package xenpt.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * GNU {@code ls} as seen through a pipe: one name per line, sorted by byte value (the C locale), hidden names only
 * with {@code -a}; {@code -l} with {@code total}, aligned columns and {@code name -> target} for links. Sizes in
 * {@code /sys} and {@code /proc} are what those pseudo file systems report (0, sysfs attributes 4096). A missing
 * operand: exit 2.
 */
final class Ls {

    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ENGLISH);

    private final RootFs fs;

    Ls(RootFs fs) {
        this.fs = fs;
    }

    Outcome run(List<String> args) throws IOException {
        String flags = String.join("", args.stream().filter(a -> a.startsWith("-") && !a.equals("-")).toList());
        boolean longFormat = flags.contains("l");
        boolean all = flags.contains("a") || flags.contains("A");
        List<String> ops = FileCommands.operands(args);
        if (ops.isEmpty()) ops = List.of(".");
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        List<String> dirs = new ArrayList<>();
        List<String[]> files = new ArrayList<>();
        for (String op : ops) {
            Path p = longFormat ? fs.noFollow(op) : fs.follow(op);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                err.append("ls: cannot access '").append(op).append("': No such file or directory\n");
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                dirs.add(op);
            } else {
                files.add(new String[] {op, RootFs.absolute(op)});
            }
        }
        if (!files.isEmpty()) out.append(listing(files, longFormat, false));
        for (String d : dirs) {
            if (!out.isEmpty()) out.append('\n');
            if (ops.size() > 1) out.append(d).append(":\n");
            out.append(listing(entries(d, all), longFormat, true));
        }
        return Outcome.of(err.isEmpty() ? 0 : 2, out.toString(), err.toString());
    }

    private List<String[]> entries(String dir, boolean all) throws IOException {
        String base = fs.resolve(dir, true);
        List<String[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(fs.real(base))) {
            s.map(p -> p.getFileName().toString()).filter(n -> all || !n.startsWith("."))
                    .sorted().forEach(n -> out.add(new String[] {n, base + (base.equals("/") ? "" : "/") + n}));
        }
        return out;
    }

    /** Names ({@code [shown, virtual path]}) one per line, or in long format with {@code total} for directories. */
    private String listing(List<String[]> names, boolean longFormat, boolean total) throws IOException {
        StringBuilder s = new StringBuilder();
        if (!longFormat) {
            names.forEach(n -> s.append(n[0]).append('\n'));
            return s.toString();
        }
        List<String[]> rows = new ArrayList<>();
        long blocks = 0;
        int linkW = 1;
        int sizeW = 1;
        for (String[] n : names) {
            Path p = fs.real(n[1]);
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            long size = size(n[1], p, a);
            boolean pseudo = RootFs.isUnder(n[1], "/sys") || RootFs.isUnder(n[1], "/proc");
            if (!pseudo && !a.isSymbolicLink()) blocks += a.isDirectory() ? 4 : (size + 4095) / 4096 * 4;
            String nlink = String.valueOf(Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS));
            String name = a.isSymbolicLink() ? n[0] + " -> " + Files.readSymbolicLink(p) : n[0];
            rows.add(new String[] {type(a) + PosixFilePermissions.toString(a.permissions()), nlink,
                String.valueOf(size), date(a.lastModifiedTime().toInstant()), name});
            linkW = Math.max(linkW, nlink.length());
            sizeW = Math.max(sizeW, String.valueOf(size).length());
        }
        if (total) s.append("total ").append(blocks).append('\n');
        for (String[] r : rows) {
            s.append(r[0]).append(' ').append(pad(r[1], linkW)).append(" root root ").append(pad(r[2], sizeW))
                    .append(' ').append(r[3]).append(' ').append(r[4]).append('\n');
        }
        return s.toString();
    }

    private static long size(String virtual, Path p, PosixFileAttributes a) throws IOException {
        if (RootFs.isUnder(virtual, "/proc")) return 0;
        if (RootFs.isUnder(virtual, "/sys")) return a.isRegularFile() ? 4096 : 0;
        if (a.isSymbolicLink()) return Files.readSymbolicLink(p).toString().length();
        return a.isDirectory() ? 4096 : a.size();
    }

    private static String type(PosixFileAttributes a) {
        return a.isSymbolicLink() ? "l" : a.isDirectory() ? "d" : "-";
    }

    /** GNU ls: month, day and time for files of the last six months, the year instead for older or future ones. */
    private static String date(Instant t) {
        Instant now = Instant.now();
        boolean recent = t.isAfter(now.minus(182, ChronoUnit.DAYS)) && !t.isAfter(now.plus(1, ChronoUnit.HOURS));
        return (recent ? RECENT : OLD).format(t.atZone(ZoneOffset.UTC));
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
