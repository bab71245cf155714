package xenpt.sim;

import java.io.IOException;
import java.util.List;

/**
 * {@code xenstore-ls [-f] PATH} over the only part of dom0's xenstore the simulator models: the PCI backends
 * ({@link PciBackends}). Output as {@code do_ls} prints it [src: xen tools/xs-clients/xenstore_client.c (4.7:
 * tools/xenstore/xenstore_client.c)]: without {@code -f}, one space of indent per level and the base name; with
 * {@code -f}, the whole path; then {@code  = "value"}. A missing path: {@code err(1, "xs_directory (%s)", path)}, i.e.
 * {@code xenstore-ls: xs_directory (PATH): No such file or directory} on stderr, exit 1.
 */
final class Xenstore {

    private final HostContext ctx;

    Xenstore(HostContext ctx) {
        this.ctx = ctx;
    }

    Outcome ls(List<String> args) throws IOException {
        boolean full = args.contains("-f");
        List<String> paths = args.stream().filter(a -> !a.startsWith("-")).toList();
        String path = paths.isEmpty() ? "/" : paths.get(0);
        if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        List<String[]> nodes = PciBackends.flat(ctx, ctx.state());
        String prefix = path + "/";
        List<String[]> below = nodes.stream().filter(n -> n[0].startsWith(prefix)).toList();
        String p = path;
        // A node without children lists as empty; a path that does not exist is an error (no domain holds a device:
        // the pci directory is treated as absent).
        if (below.isEmpty() && nodes.stream().noneMatch(n -> n[0].equals(p))) {
            return Outcome.fail(1, "xenstore-ls: xs_directory (" + path + "): No such file or directory\n");
        }
        StringBuilder out = new StringBuilder();
        int base = path.split("/").length;
        for (String[] n : below) {
            int depth = n[0].split("/").length - base - 1;
            if (full) out.append(n[0]);
            else out.append(" ".repeat(depth)).append(n[0].substring(n[0].lastIndexOf('/') + 1));
            out.append(" = \"").append(n[1]).append("\"\n");
        }
        return Outcome.ok(out.toString());
    }
}
