package xenpt.apply;

import java.time.Clock;
import xenpt.desired.HideMethod;
import xenpt.observed.BootConfig;

/** Chooses the {@link HideBackend} for a method. */
final class HideBackends {

    private HideBackends() {}

    static HideBackend of(HideMethod method) {
        return of(method, Clock.systemUTC());
    }

    /** @param clock for the time stamps of boot file backups */
    static HideBackend of(HideMethod method, Clock clock) {
        return switch (method) {
            case AUTO -> throw new IllegalArgumentException("resolve the method before choosing a backend");
            case GRUB -> new BootFileBackend(BootConfig.Format.GRUB, clock);
            case EXTLINUX -> new BootFileBackend(BootConfig.Format.EXTLINUX, clock);
            case XEN_CMDLINE -> new XenCmdlineBackend(clock);
            case XAPI -> new XapiBackend(clock);
        };
    }
}
