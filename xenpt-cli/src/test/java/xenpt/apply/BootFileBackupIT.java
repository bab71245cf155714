package xenpt.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static xenpt.apply.BootFileSamples.devices;
import static xenpt.apply.BootFileSamples.read;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.desired.HideMethod;

/** Backups of the boot file are never overwritten, so the content from before xenpt's first edit is never lost. */
class BootFileBackupIT {

    static final String GRUB = "/boot/grub/grub.cfg";

    @TempDir
    Path dir;

    @Test
    void twoEditsInTheSameSecondKeepBothBackups() throws Exception {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-25T00:47:00Z"), ZoneOffset.UTC);
        HideBackend backend = HideBackends.of(HideMethod.GRUB, frozen);
        try (BackendSimHost host = BackendSimHost.start("wintermute", dir)) {
            String original = host.file(GRUB);
            backend.apply(host.session(), host.observe(), devices("01:03.0"));
            String first = host.file(GRUB);
            backend.apply(host.session(), host.observe(), devices("01:03.0", "0e:00.0"));

            List<String> backups = host.list("/boot/grub").stream().filter(n -> n.startsWith("grub.cfg.xenpt-")).sorted()
                    .toList();
            assertThat(backups).hasSize(2).first().isEqualTo("grub.cfg.xenpt-20261125T004700Z");
            assertThat(host.file("/boot/grub/" + backups.get(0))).isEqualTo(original);
            assertThat(host.file("/boot/grub/" + backups.get(1))).isEqualTo(first);
            assertThat(host.file(GRUB)).isEqualTo(read("grub-wintermute-hidden.cfg"));
        }
    }
}
