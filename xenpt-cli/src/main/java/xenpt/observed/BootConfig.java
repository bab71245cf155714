package xenpt.observed;

import java.util.List;
import java.util.Objects;
import xenpt.format.hide.HideList;

/**
 * The boot configuration file in use and the dom0 kernel arguments of its entries.
 *
 * @param path         e.g. {@code /boot/grub/grub.cfg}, {@code /boot/efi/EFI/xenserver/grub.cfg}, {@code /boot/extlinux.conf}
 * @param format       grub or extlinux
 * @param entries      menu entries in file order
 * @param defaultIndex index into {@code entries} of the default entry
 * @param hide         the hide list of the default entry's dom0 kernel line (what boots next)
 */
public record BootConfig(String path, Format format, List<Entry> entries, int defaultIndex, HideList hide) {

    public enum Format {
        GRUB,
        EXTLINUX
    }

    /**
     * One menu entry.
     *
     * @param title     grub menuentry title, or extlinux label
     * @param dom0Args  the dom0 kernel arguments (after the kernel path), as written
     * @param hide      the hide list in {@code dom0Args}
     */
    public record Entry(String title, String dom0Args, HideList hide) {
        public Entry {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(dom0Args, "dom0Args");
            Objects.requireNonNull(hide, "hide");
        }
    }

    public BootConfig {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        entries = List.copyOf(entries);
        Objects.requireNonNull(hide, "hide");
        if (!entries.isEmpty() && (defaultIndex < 0 || defaultIndex >= entries.size())) {
            throw new IllegalArgumentException("default entry index " + defaultIndex + " out of range");
        }
    }
}
