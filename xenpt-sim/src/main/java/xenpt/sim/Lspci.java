package xenpt.sim;

import java.io.IOException;
import java.util.List;

/**
 * {@code lspci} of pciutils 3.5.1 (the CentOS 7 dom0's, xen-facts §7) over the scenario's devices: terse, machine
 * ({@code -m}/{@code -mm}) and machine-verbose ({@code -vmm}) formats, with {@code -n}/{@code -nn} ids, {@code -D}
 * domains, {@code -k} drivers (pciback for the devices it holds) and a {@code -s} slot filter. Rendering is in
 * {@link LspciFormat}.
 */
final class Lspci {

    /** The options of one call. */
    record Options(int verbose, int machine, int numeric, boolean domains, boolean kernel, String slotFilter) {}

    private final HostContext ctx;

    Lspci(HostContext ctx) {
        this.ctx = ctx;
    }

    Outcome run(List<String> args) throws IOException {
        int v = 0;
        int m = 0;
        int n = 0;
        boolean d = false;
        boolean k = false;
        String slot = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.length() < 2) return usage("lspci: unexpected argument '" + a + "'");
            for (int j = 1; j < a.length(); j++) {
                switch (a.charAt(j)) {
                    case 'v' -> v++;
                    case 'm' -> m++;
                    case 'n' -> n++;
                    case 'D' -> d = true;
                    case 'k' -> k = true;
                    case 's' -> {
                        slot = j + 1 < a.length() ? a.substring(j + 1) : (i + 1 < args.size() ? args.get(++i) : "");
                        j = a.length();
                    }
                    default -> {
                        return usage("lspci: invalid option -- '" + a.charAt(j) + "'");
                    }
                }
            }
        }
        Options o = new Options(v, m, n, d, k, slot);
        HostState state = ctx.state();
        StringBuilder out = new StringBuilder();
        for (PciDev dev : ctx.scenario().devices()) {
            if (slot != null && !slotMatches(dev, slot)) continue;
            out.append(LspciFormat.device(dev, o, RuntimeTree.driverOf(dev, state), anyDomain()));
        }
        return Outcome.ok(out.toString());
    }

    private boolean anyDomain() {
        return ctx.scenario().devices().stream().anyMatch(x -> !x.domain().equals("0000"));
    }

    /** {@code -s [[domain:]bus:]slot[.func]}: each given part must match (hex compare). */
    private static boolean slotMatches(PciDev dev, String filter) {
        String f = filter;
        String func = null;
        if (f.contains(".")) {
            func = f.substring(f.indexOf('.') + 1);
            f = f.substring(0, f.indexOf('.'));
        }
        String[] parts = f.split(":", -1);
        String[] mine = {dev.domain(), dev.slot().substring(5, 7), dev.slot().substring(8, 10)};
        int offset = 3 - parts.length;
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty() && !hexEq(parts[i], mine[i + offset])) return false;
        }
        return func == null || func.isEmpty() || hexEq(func, dev.slot().substring(11));
    }

    private static boolean hexEq(String a, String b) {
        try {
            return Integer.parseInt(a, 16) == Integer.parseInt(b, 16);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Outcome usage(String first) {
        return Outcome.fail(1, first + "\nUsage: lspci [<switches>]\n\nBasic display modes:\n"
                + "-mm\t\tProduce machine-readable output (single -m for an obsolete format)\n"
                + "-t\t\tShow bus tree\n");
    }
}
