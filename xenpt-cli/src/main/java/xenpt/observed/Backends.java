package xenpt.observed;

import java.util.Optional;
import xenpt.desired.HideMethod;

/**
 * Which hide method a host uses and which boot file describes its next boot (SPEC §3). With {@code auto}: the
 * xapi PCI API where {@code xe pci-list} exists, else xen-cmdline where it exists, else grub (the EFI file first,
 * then BIOS), else extlinux. A method named in the desired state is used as given.
 */
final class Backends {

    /** What round 1 found. Boot files hold their text, empty when absent. */
    record Facts(boolean pciApi, boolean xenCmdline, Optional<String> grubEfi, Optional<String> grubBios, Optional<String> extlinux) {}

    private Backends() {}

    static HideMethod choose(HideMethod desired, Facts facts) {
        return switch (desired) {
            case AUTO -> facts.pciApi() ? HideMethod.XAPI
                    : facts.xenCmdline() ? HideMethod.XEN_CMDLINE
                    : facts.grubEfi().isPresent() || facts.grubBios().isPresent() ? HideMethod.GRUB
                    : HideMethod.EXTLINUX;
            case GRUB, EXTLINUX, XEN_CMDLINE, XAPI -> desired;
        };
    }

    /**
     * The boot configuration for {@code backend}: grub and extlinux read their own file; xapi and xen-cmdline edit
     * the first that exists in xen-cmdline's order (EFI grub, BIOS grub, extlinux). Empty when the file is missing.
     */
    static Optional<BootConfig> bootConfig(HideMethod backend, Facts f) {
        Optional<BootConfig> efi = f.grubEfi().map(t -> GrubConfig.parse(Reads.GRUB_EFI_PATH, t));
        Optional<BootConfig> bios = f.grubBios().map(t -> GrubConfig.parse(Reads.GRUB_BIOS_PATH, t));
        Optional<BootConfig> ext = f.extlinux().map(t -> ExtlinuxConfig.parse(Reads.EXTLINUX_PATH, t));
        return switch (backend) {
            case GRUB -> efi.or(() -> bios);
            case EXTLINUX -> ext;
            case AUTO, XEN_CMDLINE, XAPI -> efi.or(() -> bios).or(() -> ext);
        };
    }
}
