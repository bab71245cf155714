package xenpt.sim;

import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * Everything a command of one simulated host works on: its hardware, file tree, persisted state, faults, and the pool
 * it is in (a pool of one when standalone).
 */
record HostContext(Scenario scenario, RootFs fs, StateStore store, RuntimeTree tree, Faults faults, Pool pool) {

    HostState state() throws IOException {
        return store.read();
    }

    /** Changes the state under the host lock and brings {@code /proc} and {@code /sys} up to date with it. */
    HostState update(UnaryOperator<HostState> change) throws IOException {
        return store.locked(() -> {
            HostState next = store.update(change);
            tree.sync(next);
            return next;
        });
    }

    /** Whether a write to {@code virtualPath} must fail because the boot partition is (simulated) full. */
    boolean diskFull(String virtualPath) throws IOException {
        return RootFs.isUnder(virtualPath, "/boot") && faults.bootDiskFull();
    }
}
