package xenpt.diag;

import java.util.Objects;

/**
 * A place in a source file. {@code line} and {@code column} are 1-based; 0 means "the whole file"
 * (for example a file that is too large to parse) or "the whole line".
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
        }
    }

    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public int compareTo(Location o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    /** {@code file:line:col}, or {@code file} alone for a whole-file location. */
    @Override
    public String toString() {
        if (line == 0) return file;
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
