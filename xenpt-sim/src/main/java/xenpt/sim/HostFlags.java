package xenpt.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A member's {@code enabled} flag ({@code xe host-disable} / {@code host-enable}), kept in {@code host-disabled} in the
 * member's state directory so that every member of a pool reads it (one database). As in xapi
 * ({@code xapi_host.ml} {@code disable ~auto_enable}, {@code xapi_host_helpers.ml} at start): a disabled host is
 * enabled again by xapi when it boots, unless it was disabled with {@code auto-enable=false}.
 */
final class HostFlags {

    static final String FILE = "host-disabled";

    private HostFlags() {}

    /** Whether {@code member} is enabled; a member that never ran has no flag and is enabled. */
    static boolean enabled(HostContext ctx, Scenario member) {
        return !Files.exists(stateDir(ctx, member).resolve(FILE));
    }

    static void disable(HostContext ctx, Scenario member, boolean autoEnable) throws IOException {
        Path dir = stateDir(ctx, member);
        Files.createDirectories(dir);
        if (!Files.exists(dir.resolve(FILE))) {
            StateStore.writeAtomically(dir.resolve(FILE), "auto-enable=" + autoEnable + "\n");
        }
    }

    static void enable(HostContext ctx, Scenario member) throws IOException {
        Files.deleteIfExists(stateDir(ctx, member).resolve(FILE));
    }

    /** At boot: xapi enables the host again unless {@code auto-enable=false} was given. */
    static void atBoot(Path stateDir) throws IOException {
        Path f = stateDir.resolve(FILE);
        if (Files.exists(f) && !Files.readString(f, StandardCharsets.UTF_8).contains("auto-enable=false")) {
            Files.deleteIfExists(f);
        }
    }

    static Path stateDir(HostContext ctx, Scenario member) {
        Path self = ctx.fs().root().getParent();
        return member.hostUuid().equals(ctx.scenario().hostUuid()) ? self : Pool.stateDirOf(member, self);
    }
}
