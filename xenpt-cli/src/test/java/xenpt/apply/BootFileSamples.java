package xenpt.apply;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.PciAddress;

/** Verbatim boot files and the expected results of edits, under {@code src/test/resources/apply/}. */
final class BootFileSamples {

    private BootFileSamples() {}

    static String read(String name) {
        try (InputStream in = BootFileSamples.class.getResourceAsStream("/apply/" + name)) {
            if (in == null) throw new IllegalArgumentException("no sample " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<PciAddress> devices(String... addresses) {
        Set<PciAddress> out = new TreeSet<>();
        for (String a : addresses) out.add(PciAddress.parse(a));
        return out;
    }
}
