package xenpt.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import xenpt.desired.PciAddress;
import xenpt.format.hide.HideValue;
import xenpt.observed.BootConfig;
import xenpt.observed.ExtlinuxConfig;
import xenpt.observed.GrubConfig;
import xenpt.observed.KernelArgs;

/**
 * The last check before a boot file is written (and after xen-cmdline wrote one): read back with the observer's own
 * parsers (GRUB's logical lines for grub), the new file must have the same entries and default as the old one, and
 * every entry's dom0 arguments must be exactly the old ones with only {@code xen-pciback.hide} arguments removed or
 * added, the default entry's hide list being {@code after}. An edit that would lose or change any other argument
 * (for instance after a line continuation it did not see) is refused before anything is written.
 */
final class BootEditCheck {

    private BootEditCheck() {}

    /**
     * @param onlyDefault check only the default entry (xen-cmdline regenerates the file and may change the others)
     * @return what is wrong with {@code next}, or empty when it is the old file plus/minus the hide argument
     */
    static Optional<String> problem(BootConfig.Format format, String path, String old, String next,
            Set<PciAddress> after, boolean onlyDefault) {
        BootConfig before = parse(format, path, old);
        BootConfig now = parse(format, path, next);
        if (now.entries().isEmpty() || before.entries().isEmpty()) return Optional.of("it has no menu entry");
        if (!onlyDefault && !titles(before).equals(titles(now))) {
            return Optional.of("its entries would be " + titles(now) + " instead of " + titles(before));
        }
        if (before.defaultIndex() != now.defaultIndex() || before.entries().size() <= now.defaultIndex()
                || !before.entries().get(before.defaultIndex()).title().equals(now.entries().get(now.defaultIndex()).title())) {
            return Optional.of("its default entry would change");
        }
        for (int i = 0; i < now.entries().size(); i++) {
            if (onlyDefault && i != now.defaultIndex()) continue;
            List<String> was = withoutHide(before.entries().get(i).dom0Args());
            List<String> is = withoutHide(now.entries().get(i).dom0Args());
            if (!was.equals(is)) {
                return Optional.of("the dom0 arguments of entry '" + now.entries().get(i).title() + "' would be " + is
                        + " instead of " + was + " plus/minus " + HideValue.KEY);
            }
        }
        var hide = now.hide();
        // xenpt's own edits write the sorted (dddd:bb:dd.f) form; xapi keeps its own order, so there the set counts.
        boolean exact = after.isEmpty() ? !hide.present() : hide.valid() && hide.devices().equals(after)
                && (onlyDefault || hide.raw().equals(HideValue.format(after)));
        return exact ? Optional.empty()
                : Optional.of("its default entry's hide list would be '" + hide.raw() + "', not " + HideValue.argument(after));
    }

    static BootConfig parse(BootConfig.Format format, String path, String text) {
        return switch (format) {
            case GRUB -> GrubConfig.parse(path, text);
            case EXTLINUX -> ExtlinuxConfig.parse(path, text);
        };
    }

    private static List<String> titles(BootConfig c) {
        return c.entries().stream().map(BootConfig.Entry::title).toList();
    }

    private static List<String> withoutHide(String dom0Args) {
        List<String> out = new ArrayList<>();
        for (String a : KernelArgs.split(dom0Args)) {
            if (!HideValue.isArgument(a)) out.add(a);
        }
        return out;
    }
}
