package xenpt.cli;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import xenpt.apply.ApplyException;
import xenpt.apply.ForceUnlock;
import xenpt.desired.HostSpec;
import xenpt.engine.Fleet;
import xenpt.engine.Hosts;
import xenpt.engine.Applying;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * {@code xenpt force-unlock HOST}: remove a host lock left by a dead apply (Terraform's name), after showing its holder
 * and a typed "yes" (or {@code --force}); only that lock, and with {@code --lock-id} only a lock with that id.
 */
@Command(name = "force-unlock", description = {
    "Remove the host lock that a dead apply left behind, after showing its holder. Writes to the host.",
    "Asks for 'yes' on a terminal; without one, only --force removes it. Records the removal in the host's journal."})
final class ForceUnlockCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin GlobalOptions.Verbose verboseOptions;
    @Mixin GlobalOptions.HostAccess hostAccess;

    @Parameters(paramLabel = "HOST", description = "A host of the desired state.")
    String host;

    @Mixin
    DesiredStateOptions desired;

    @Option(names = "--lock-id", paramLabel = "ID", description = "Remove the lock only if its lock id is ID (as the"
            + " 'held by' messages show it).")
    String lockId;

    @Option(names = "--force", description = "Remove without asking (needed when standard input is not a terminal).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Optional<HostSpec> spec = Fleet.host(main.session(), desired.path(), host);
        if (spec.isEmpty()) return ExitCode.ERROR;
        try (HostSession s = Hosts.connect(spec.get(), main.session())) {
            return unlock(s);
        } catch (TransportException | ApplyException e) {
            main.err.println("xenpt: " + e.getMessage());
            return ExitCode.ERROR;
        }
    }

    private int unlock(HostSession s) throws TransportException, ApplyException, IOException {
        ForceUnlock.Found found = ForceUnlock.read(s);
        if (!found.held()) {
            main.err.println("xenpt: " + host + ": no host lock is held (" + ForceUnlock.path() + "); nothing to remove");
            return ExitCode.OK;
        }
        main.err.println(host + ": the host lock " + ForceUnlock.path() + " is held by " + found.holder());
        if (lockId != null && !found.lockId().equals(Optional.of(lockId))) {
            main.err.println("xenpt: " + host + ": the held lock's id is " + found.lockId().orElse("(none)") + ", not "
                    + lockId + "; nothing was removed");
            return ExitCode.ERROR;
        }
        if (!confirmed()) return ExitCode.ERROR;
        ForceUnlock.remove(s, found, Applying.owner(main.env), Clock.systemUTC(), main.err::println);
        main.out.println(host + ": removed the host lock held by " + found.holder());
        return ExitCode.OK;
    }

    private boolean confirmed() throws IOException {
        if (force) return true;
        if (!main.in.terminal()) {
            main.err.println("xenpt: force-unlock needs confirmation but standard input is not a terminal; pass --force"
                    + " once you know that no apply runs on " + host + ". Nothing was removed.");
            return false;
        }
        main.err.print("Remove this lock? Only 'yes' is accepted: ");
        main.err.flush();
        String answer = main.in.reader().readLine();
        if (answer != null && answer.strip().equals("yes")) return true;
        main.err.println("xenpt: force-unlock cancelled; nothing was removed");
        return false;
    }
}
