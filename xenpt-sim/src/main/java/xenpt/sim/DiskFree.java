package xenpt.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code df -P [-k] PATH…}: the file system of each path in POSIX format. The host has two file systems: the EFI system
 * partition on {@code /boot/efi} (UEFI hosts, partition 4 of the first disk) and the root file system (partition 1),
 * which holds {@code /boot} on every XenServer layout (xen-facts §3.2, host-installer partitioning). A full boot disk
 * (fault) shows 0 KiB available. Output as GNU coreutils {@code df -P} prints it: header
 * {@code Filesystem 1024-blocks Used Available Capacity Mounted on}, columns aligned, capacity rounded up.
 */
final class DiskFree {

    private static final long ROOT_KIB = 18_566_144;
    private static final long EFI_KIB = 100_352;

    private final HostContext ctx;

    DiskFree(HostContext ctx) {
        this.ctx = ctx;
    }

    Outcome run(List<String> args) throws IOException {
        List<String> paths = FileCommands.operands(args);
        if (paths.isEmpty()) paths = List.of("/");
        StringBuilder out = new StringBuilder(String.format("%-14s %11s %9s %9s %8s %s%n",
                "Filesystem", "1024-blocks", "Used", "Available", "Capacity", "Mounted on"));
        StringBuilder err = new StringBuilder();
        for (String p : paths) {
            String resolved = ctx.fs().resolve(p, true);
            if (!Files.exists(ctx.fs().real(resolved))) {
                err.append("df: ").append(p).append(": No such file or directory\n");
                continue;
            }
            boolean efi = RootFs.isUnder(resolved, "/boot/efi") && Files.isDirectory(ctx.fs().real("/boot/efi"));
            long size = efi ? EFI_KIB : ROOT_KIB;
            long used = ctx.diskFull(resolved) ? size : size * 3 / 10;
            String disk = ctx.scenario().disks().isEmpty() ? "sda" : ctx.scenario().disks().get(0).name();
            out.append(String.format("%-14s %11d %9d %9d %7d%% %s%n", "/dev/" + disk + (efi ? "4" : "1"), size, used,
                    size - used, (used * 100 + size - 1) / size, efi ? "/boot/efi" : "/"));
        }
        return Outcome.of(err.isEmpty() ? 0 : 1, out.toString(), err.toString());
    }
}
