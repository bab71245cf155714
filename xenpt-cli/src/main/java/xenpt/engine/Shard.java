package xenpt.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import xenpt.desired.DesiredState;
import xenpt.desired.HostSpec;

/**
 * {@code --shard K/N}: the K-th of N parts of the fleet, so CI matrix jobs split a large fleet between runners. A
 * host's part depends on its name alone (CRC-32 of its UTF-8 bytes, mod N), so it is stable across runs, machines and
 * JVMs, and adding a host never moves another one.
 *
 * @param index the part, 1-based (K)
 * @param count the number of parts (N)
 */
public record Shard(int index, int count) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    public Shard {
        if (count < 1) throw new IllegalArgumentException("--shard K/N needs N >= 1, got " + count);
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("--shard K/N needs K between 1 and N, got " + index + "/" + count);
        }
    }

    /** Parses {@code K/N}. @throws IllegalArgumentException with a message for the user */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) throw new IllegalArgumentException("--shard expects K/N, e.g. 2/4 (part K of N), got '" + text + "'");
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The 1-based part a host name falls in among {@code count} parts. */
    public static int partOf(String hostName, int count) {
        CRC32 crc = new CRC32();
        crc.update(hostName.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % count) + 1;
    }

    public boolean holds(String hostName) {
        return partOf(hostName, count) == index;
    }

    /** The desired state restricted to this part's hosts; digest and commit stay those of the whole state. */
    public DesiredState select(DesiredState state) {
        List<HostSpec> mine = state.hosts().stream().filter(h -> holds(h.name())).toList();
        return new DesiredState(mine, state.digest(), state.commit());
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
