package xenpt.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host lock removes only what it holds. */
class HostLockIT {

    static final LockOwner ME = new LockOwner("me@here", 1, "2026-11-25T00:47:00Z", "plan-1");
    static final LockOwner OTHER = new LockOwner("ci@runner-7", 4242, "2026-11-25T00:48:00Z", "plan-2");

    @TempDir
    Path dir;

    HostLock lock() {
        return new HostLock("wintermute", ME, Duration.ZERO, Duration.ofMillis(10));
    }

    @Test
    void releaseLeavesALockThatAnotherApplyHoldsNow() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            HostLock lock = lock();
            lock.acquire(host.session());
            // A reboot cleared /var/lock (a tmpfs) and another apply took the lock before this one came back.
            host.session().writeFile(HostLock.OWNER_FILE, OTHER.toJson().getBytes(StandardCharsets.UTF_8), 0644);

            assertThatThrownBy(() -> lock.release(host.session())).isInstanceOf(ApplyException.class)
                    .hasMessage("wintermute: the host lock /var/lock/xenpt.lock is now held by ci@runner-7 (pid 4242)"
                            + " since 2026-11-25T00:48:00Z for plan plan-2; left as it is");
            assertThat(lock.held()).isFalse();
            assertThat(host.file(HostLock.OWNER_FILE)).isEqualTo(OTHER.toJson());
        }
    }

    @Test
    void releaseOfALockThatIsGoneIsDone() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            HostLock lock = lock();
            lock.acquire(host.session());
            assertThat(host.run("rm", HostLock.OWNER_FILE).ok()).isTrue();
            assertThat(host.run("rmdir", HostLock.DIR).ok()).isTrue();

            lock.release(host.session());
            assertThat(lock.held()).isFalse();
            assertThat(host.run("test", "-e", HostLock.DIR).ok()).isFalse();
        }
    }

    @Test
    void releaseRemovesItsOwnLockAlsoWithoutTheOwnerFile() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            HostLock lock = lock();
            lock.acquire(host.session());
            assertThat(host.file(HostLock.OWNER_FILE)).isEqualTo(ME.toJson());
            assertThat(host.run("rm", HostLock.OWNER_FILE).ok()).isTrue();

            lock.release(host.session());
            assertThat(lock.held()).isFalse();
            assertThat(host.run("test", "-e", HostLock.DIR).ok()).isFalse();
        }
    }
}
