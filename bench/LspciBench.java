import java.util.List;
import xenpt.observed.Lspci;
import xenpt.observed.PciDevice;

/**
 * The {@code lspci -D -vmm -nn -k} parser on a huge listing (issue 11: 60,000 records took ~16 s while the parser was
 * quadratic). Generates N distinct records in the format of xen-facts §7, then times {@code Lspci.parse} after
 * warm-up runs.
 *
 * <p>Run (from the repository root, after {@code ./xenpt --version} has built the jar):
 * {@code java -cp target/xenpt.jar bench/LspciBench.java [records] [warmup] [iterations]}
 */
public class LspciBench {

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String text = listing(records);
        for (int i = 0; i < warmup; i++) Lspci.parse(text);
        long best = Long.MAX_VALUE;
        int parsed = 0;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            List<PciDevice> devices = Lspci.parse(text);
            best = Math.min(best, System.nanoTime() - start);
            parsed = devices.size();
        }
        System.out.printf("lspci: %,d records (%,d bytes) parsed into %,d devices in %.1f ms (best of %d)%n",
                records, text.length(), parsed, best / 1e6, iterations);
    }

    /** {@code records} distinct slots: domain 0 upwards, every bus, device and function. */
    static String listing(int records) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < records; i++) {
            s.append(String.format("Slot:\t%04x:%02x:%02x.%x%n", i >> 16, (i >> 8) & 0xff, (i >> 3) & 0x1f, i & 7))
                    .append("Class:\tEthernet controller [0200]\n")
                    .append("Vendor:\tIntel Corporation [8086]\n")
                    .append("Device:\t82574L Gigabit Network Connection [10d3]\n")
                    .append("SVendor:\tIntel Corporation [8086]\n")
                    .append("SDevice:\tGigabit CT Desktop Adapter [a01f]\n")
                    .append("Rev:\t00\n")
                    .append("Driver:\te1000e\n")
                    .append("Module:\te1000e\n\n");
        }
        return s.toString();
    }
}
