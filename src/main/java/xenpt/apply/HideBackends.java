package xenpt.apply;

import xenpt.desired.HideMethod;

/** Chooses the {@link HideBackend} for a method. */
final class HideBackends {

    private HideBackends() {}

    static HideBackend of(HideMethod method) {
        if (method == HideMethod.AUTO) throw new IllegalArgumentException("resolve the method before choosing a backend");
        throw new UnsupportedOperationException("hide backend " + method.word() + " not implemented yet");
    }
}
