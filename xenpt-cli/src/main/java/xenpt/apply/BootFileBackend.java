package xenpt.apply;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import xenpt.desired.PciAddress;
import xenpt.format.hide.HideValue;
import xenpt.observed.BootConfig;
import xenpt.observed.ObservedHost;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The {@code grub} and {@code extlinux} methods: xenpt edits the boot file itself. The file is read fresh and must
 * still be what the observation parsed; the edit ({@link GrubEdit} / {@link ExtlinuxEdit}) is checked to give exactly
 * the wanted hide list before anything is written; {@link BootFileWriter} replaces the file whole and reads it back.
 *
 * @param format the boot file format this method edits
 * @param clock  for the backup's time stamp
 */
record BootFileBackend(BootConfig.Format format, Clock clock) implements HideBackend {

    BootFileBackend {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void apply(HostSession session, ObservedHost host, Set<PciAddress> after) throws ApplyException, TransportException {
        BootConfig observed = host.boot();
        String path = observed.path();
        if (observed.format() != format) {
            throw new ApplyException(session.host() + ": method " + word() + " needs a " + word()
                    + " boot file, but the one in use is " + path);
        }
        BootFileWriter writer = new BootFileWriter(session, clock);
        String text = writer.read(path);
        if (!parse(path, text).equals(observed)) {
            throw new ApplyException(session.host() + ": " + path + " changed since it was observed; nothing written, run apply again");
        }
        String next = edit(session, path, text, after);
        writer.replace(path, text, next);
    }

    /** The edited text, checked to carry exactly {@code after} and every other dom0 argument of every entry as before. */
    private String edit(HostSession session, String path, String text, Set<PciAddress> after) throws ApplyException {
        String next;
        try {
            next = switch (format) {
                case GRUB -> GrubEdit.withHide(path, text, after);
                case EXTLINUX -> ExtlinuxEdit.withHide(text, after);
            };
        } catch (IllegalArgumentException e) {
            throw new ApplyException(session.host() + ": cannot set the hide list in " + path + ": " + e.getMessage(), e);
        }
        var problem = BootEditCheck.problem(format, path, text, next, after, false);
        if (problem.isPresent()) {
            throw new ApplyException(session.host() + ": editing " + path + " to " + HideValue.argument(after)
                    + " went wrong: " + problem.get() + "; nothing written");
        }
        return next;
    }

    private BootConfig parse(String path, String text) {
        return BootEditCheck.parse(format, path, text);
    }

    private String word() {
        return switch (format) {
            case GRUB -> "grub";
            case EXTLINUX -> "extlinux";
        };
    }
}
