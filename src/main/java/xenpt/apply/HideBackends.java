package xenpt.apply;

import xenpt.desired.HideMethod;

/** Chooses the {@link HideBackend} for a method. */
final class HideBackends {

    private HideBackends() {}

    static HideBackend of(HideMethod method) {
        switch (method) {
            case AUTO -> throw new IllegalArgumentException("resolve the method before choosing a backend");
            case GRUB, EXTLINUX, XEN_CMDLINE, XAPI ->
                    throw new UnsupportedOperationException("hide backend " + method.word() + " not implemented yet");
        }
        throw new AssertionError(method);
    }
}
