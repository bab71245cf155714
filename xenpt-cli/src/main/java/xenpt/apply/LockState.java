package xenpt.apply;

import java.util.Optional;
import xenpt.format.lock.LockOwner;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/** What is at the lock path of a host now (docs/observation-commands.md, "Host lock and journal"). */
sealed interface LockState {

    /** No lock. */
    record Free() implements LockState {}

    /** A lock whose owner file xenpt wrote. */
    record Held(LockOwner owner) implements LockState {}

    /** A lock whose owner file is not xenpt's (shown as it is). */
    record Foreign(String text) implements LockState {}

    /**
     * A lock directory without an owner file: left by a xenpt before the atomic protocol (its {@code mkdir} came
     * first), or being taken by one right now.
     *
     * @param ageSeconds since the directory was made, by the host's clock; empty when the host cannot say
     */
    record NoOwner(Optional<Long> ageSeconds) implements LockState {}

    /** Reads the lock at {@code dir} (its owner file, else whether the directory exists and how old it is). */
    static LockState read(HostSession s, String dir) throws TransportException {
        CommandResult owner = s.run(Command.of("cat", LockOwner.fileIn(dir)));
        if (owner.ok()) {
            return LockOwner.parse(owner.stdout()).<LockState>map(Held::new)
                    .orElseGet(() -> new Foreign(owner.stdout().strip()));
        }
        if (!s.run(Command.of("test", "-d", dir)).ok()) return new Free();
        return new NoOwner(age(s, dir));
    }

    /** {@code date +%s} minus the directory's {@code stat -c %Y} (both GNU coreutils, both the host's clock). */
    private static Optional<Long> age(HostSession s, String dir) throws TransportException {
        CommandResult made = s.run(Command.of("stat", "-c", "%Y", dir));
        CommandResult now = s.run(Command.of("date", "+%s"));
        try {
            if (made.ok() && now.ok()) {
                return Optional.of(Math.max(0, Long.parseLong(now.stdout().strip()) - Long.parseLong(made.stdout().strip())));
            }
        } catch (NumberFormatException e) {
            // an answer that is not a number: the age is unknown
        }
        return Optional.empty();
    }

    /** The host's current boot id ({@code /proc/sys/kernel/random/boot_id}); {@code ""} when it cannot be read. */
    static String bootId(HostSession s) throws TransportException {
        return xenpt.observed.Observer.bootId(s);
    }
}
