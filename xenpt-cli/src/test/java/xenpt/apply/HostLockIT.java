package xenpt.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.format.lock.LockOwner;

/** The host lock: taken with its owner in one rename, stale when of an earlier boot, removes only what it holds. */
class HostLockIT {

    static final LockOwner OTHER = new LockOwner("0ther", "ci@runner-7", 4242, "2026-11-25T00:48:00Z", "plan-2", "");

    @TempDir
    Path dir;

    final List<String> warnings = new ArrayList<>();

    HostLock lock(Duration timeout) {
        return new HostLock("wintermute", LockOwner.fresh("me@here", 1, "2026-11-25T00:47:00Z", "plan-1"), timeout,
                Duration.ofMillis(10), "xenpt force-unlock wintermute -f d.yaml", warnings::add);
    }

    /** Puts a lock as another apply would, owner file included. */
    static void plant(BackendSimHost host, LockOwner owner) throws Exception {
        assertThat(host.run("mkdir", HostLock.DIR).ok()).isTrue();
        host.session().writeFile(LockOwner.FILE, owner.toJson().getBytes(StandardCharsets.UTF_8), 0644);
    }

    static String bootId(BackendSimHost host) throws Exception {
        return host.run("cat", "/proc/sys/kernel/random/boot_id").stdout().strip();
    }

    @Test
    void theLockAppearsWithItsOwnerFileNamingLockIdAndBootIdAndLeavesNoTemporaryDirectory() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            HostLock lock = lock(Duration.ZERO);
            lock.acquire(host.session());
            LockOwner written = LockOwner.parse(host.file(LockOwner.FILE)).orElseThrow();
            assertThat(written.bootId()).isEqualTo(bootId(host)).isNotEmpty();
            assertThat(written.lockId()).isEqualTo(lock.owner().lockId()).isNotEmpty();
            assertThat(host.list("/var/lock")).containsExactly("xenpt.lock");

            lock.release(host.session());
            assertThat(host.list("/var/lock")).isEmpty();
        }
    }

    @Test
    void aLostRaceLeavesNoTemporaryDirectoryAndTheHolderIsNamedWithItsLockId() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            HostLock lock = lock(Duration.ZERO);
            // Another apply renamed its lock into place between this one's read (it saw no lock) and its rename.
            plant(host, OTHER);
            host.sim.faults().failAt("^cat /var/lock/xenpt.lock/owner", 1, "cat: /var/lock/xenpt.lock/owner: No such file or directory")
                    .failAt("^test -d /var/lock/xenpt.lock$", 1, "");
            assertThatThrownBy(() -> lock.acquire(host.session())).isInstanceOf(ApplyException.class)
                    .hasMessageContaining("is held by ci@runner-7 (pid 4242) since 2026-11-25T00:48:00Z for plan plan-2,"
                            + " lock id 0ther")
                    .hasMessageContaining("xenpt force-unlock wintermute -f d.yaml --lock-id 0ther");
            assertThat(host.sim.faults().seen(0)).isEqualTo(2); // it did try: saw no lock, then lost the rename
            assertThat(host.list("/var/lock")).containsExactly("xenpt.lock");
            assertThat(host.file(LockOwner.FILE)).isEqualTo(OTHER.toJson());
        }
    }

    @Test
    void aLockOfAnEarlierBootIsReclaimedWithAWarning() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            plant(host, OTHER.withBootId("0ld-b00t-1d"));
            HostLock lock = lock(Duration.ZERO);
            lock.acquire(host.session());
            assertThat(lock.held()).isTrue();
            assertThat(LockOwner.parse(host.file(LockOwner.FILE)).orElseThrow().lockId())
                    .isEqualTo(lock.owner().lockId());
            assertThat(warnings).singleElement().asString().contains("reclaimed the host lock of an earlier boot",
                    "ci@runner-7 (pid 4242)");
            assertThat(host.list("/var/lock")).containsExactly("xenpt.lock");
        }
    }

    @Test
    void aLockOfThisBootIsNotReclaimed() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            plant(host, OTHER.withBootId(bootId(host)));
            assertThatThrownBy(() -> lock(Duration.ofMillis(50)).acquire(host.session()))
                    .hasMessageContaining("is held by ci@runner-7");
            assertThat(host.file(LockOwner.FILE)).isEqualTo(OTHER.withBootId(bootId(host)).toJson());
        }
    }

    @Test
    void anApplyThatFindsItsOwnLockAfterALostAnswerTakesItBack() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            HostLock lock = lock(Duration.ZERO);
            host.sim.faults().dropAfter("^mv -T /var/lock/xenpt.lock.tmp", 1);
            assertThatThrownBy(() -> lock.acquire(host.session())).isInstanceOf(xenpt.transport.TransportException.class);
            assertThat(lock.held()).isFalse();
            host.reconnect();
            lock.acquire(host.session());
            assertThat(lock.held()).isTrue();
            lock.release(host.session());
            assertThat(host.list("/var/lock")).isEmpty();
        }
    }

    @Test
    void aLockWithoutOwnerFileOlderThanTheTimeoutIsReportedWithItsAgeAndTheCommandToRemoveIt() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            assertThat(host.run("mkdir", HostLock.DIR).ok()).isTrue();
            java.nio.file.Files.setLastModifiedTime(host.sim.stateDirectory().resolve("root/var/lock/xenpt.lock"),
                    java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(7200)));
            assertThatThrownBy(() -> lock(Duration.ofSeconds(30)).acquire(host.session()))
                    .hasMessageStartingWith("wintermute: the host lock /var/lock/xenpt.lock has no owner file and is 2h old")
                    .hasMessageEndingWith("remove it with: xenpt force-unlock wintermute -f d.yaml");
        }
    }

    @Test
    void afterARebootTheLockNamesTheNewBootSoThatNoOtherApplyTakesItAsStale() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            HostLock lock = lock(Duration.ZERO);
            lock.acquire(host.session());
            String before = bootId(host);
            host.rebootAndReconnect();
            String after = bootId(host);
            assertThat(after).isNotEqualTo(before);

            lock.reassert(host.session());
            LockOwner now = LockOwner.parse(host.file(LockOwner.FILE)).orElseThrow();
            assertThat(now.bootId()).isEqualTo(after);
            assertThat(now.lockId()).isEqualTo(lock.owner().lockId());
            assertThat(host.list(HostLock.DIR)).containsExactly("owner");
            assertThatThrownBy(() -> new HostLock("wintermute", LockOwner.fresh("other@there", 2, "t", "p"),
                    Duration.ZERO, Duration.ofMillis(10), "hint", warnings::add).acquire(host.session()))
                    .hasMessageContaining("is held by me@here");
            assertThat(warnings).isEmpty();
        }
    }

    @Test
    void releaseLeavesALockThatAnotherApplyHoldsNow() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            HostLock lock = lock(Duration.ZERO);
            lock.acquire(host.session());
            // A reboot cleared /var/lock (a tmpfs) and another apply took the lock before this one came back.
            host.session().writeFile(LockOwner.FILE, OTHER.toJson().getBytes(StandardCharsets.UTF_8), 0644);

            assertThatThrownBy(() -> lock.release(host.session())).isInstanceOf(HostLock.Lost.class)
                    .hasMessage("wintermute: the host lock /var/lock/xenpt.lock is now held by ci@runner-7 (pid 4242)"
                            + " since 2026-11-25T00:48:00Z for plan plan-2, lock id 0ther; left as it is");
            assertThat(lock.held()).isFalse();
            assertThat(host.file(LockOwner.FILE)).isEqualTo(OTHER.toJson());
        }
    }

    @Test
    void releaseOfALockThatIsGoneIsDone() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            HostLock lock = lock(Duration.ZERO);
            lock.acquire(host.session());
            assertThat(host.run("rm", "-rf", HostLock.DIR).ok()).isTrue();

            lock.release(host.session());
            assertThat(lock.held()).isFalse();
            assertThat(host.run("test", "-e", HostLock.DIR).ok()).isFalse();
        }
    }

    @Test
    void aFailedRemovalOfTheRenamedLockLeavesTheHostFree() throws Exception {
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            HostLock lock = lock(Duration.ZERO);
            lock.acquire(host.session());
            host.sim.faults().failAt("^rm -rf /var/lock/xenpt.lock.released", 1, "rm: simulated failure");
            lock.release(host.session());
            assertThat(host.list("/var/lock")).isEmpty(); // removed on the second attempt
            assertThat(warnings).isEmpty();
        }
    }
}
