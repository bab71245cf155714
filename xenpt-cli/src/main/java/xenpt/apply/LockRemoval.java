package xenpt.apply;

import java.util.function.Consumer;
import xenpt.format.lock.LockOwner;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * Removes one particular lock, and only that one: the lock directory is renamed aside ({@code mv -T}, one rename(2))
 * — from that moment the host is free — then its owner is checked: a lock that changed hands between the read and the
 * rename is put back. The renamed directory is removed last; when that fails the host is still free and only a
 * leftover directory beside the lock path remains (named in a warning).
 */
final class LockRemoval {

    private LockRemoval() {}

    /**
     * @param expected what the caller saw at the lock path and means to remove
     * @param aside    a path beside the lock that no one else uses (it holds the caller's own lock id)
     * @throws ApplyException when the lock is another one than {@code expected} now (it is left in place)
     */
    static void removeIf(HostSession s, String host, LockState expected, String aside, Consumer<String> warn)
            throws ApplyException, TransportException {
        CommandResult mv = s.run(Command.of("mv", "-T", HostLock.DIR, aside));
        if (!mv.ok()) {
            if (mv.stderr().contains("No such file")) return; // gone meanwhile: nothing of it is left to remove
            throw Remote.failed(s, "mv", mv);
        }
        LockState moved = LockState.read(s, aside);
        if (!same(expected, moved)) {
            CommandResult back = s.run(Command.of("mv", "-T", aside, HostLock.DIR));
            throw new ApplyException(host + ": the host lock " + HostLock.DIR + " changed hands while it was being"
                    + " removed (now held by " + HostLock.describe(moved) + "); "
                    + (back.ok() ? "it was put back" : "it could not be put back from " + aside + ": "
                            + Remote.errorLine(back)));
        }
        CommandResult rm = s.run(Command.of("rm", "-rf", aside));
        if (!rm.ok()) rm = s.run(Command.of("rm", "-rf", aside));
        if (!rm.ok()) {
            warn.accept(host + ": warning: the host lock is released, but its renamed directory " + aside
                    + " could not be removed (" + Remote.errorLine(rm) + "); it holds no lock: remove it with: rm -rf "
                    + aside);
        }
    }

    static void removeIf(HostSession s, String host, LockOwner expected, String aside, Consumer<String> warn)
            throws ApplyException, TransportException {
        removeIf(s, host, new LockState.Held(expected), aside, warn);
    }

    private static boolean same(LockState a, LockState b) {
        return switch (a) {
            case LockState.Held h -> b instanceof LockState.Held o
                    && (h.owner().sameLock(o.owner()) || h.owner().equals(o.owner()));
            case LockState.Foreign f -> b instanceof LockState.Foreign o && f.text().equals(o.text());
            case LockState.NoOwner n -> b instanceof LockState.NoOwner;
            case LockState.Free f -> b instanceof LockState.Free;
        };
    }
}
