package xenpt.sim;

/**
 * How lspci.c prints one device (pciutils 3.5.1): {@code show_terse}, {@code show_machine} and
 * {@code show_kernel[_machine]}. Names come from the scenario (standing in for pci.ids); a missing name falls back to
 * {@code Class cccc} / {@code Device dddd} as {@code pci_lookup_name} does.
 */
final class LspciFormat {

    private LspciFormat() {}

    static String device(PciDev d, Lspci.Options o, String driver, boolean anyDomain) {
        if (o.machine() > 0) return o.verbose() > 0 ? machineVerbose(d, o, driver) : machine(d, o);
        StringBuilder s = new StringBuilder(slot(d, o.domains() || anyDomain)).append(' ')
                .append(cls(d, o.numeric())).append(": ");
        s.append(switch (o.numeric()) {
            case 0 -> vendorName(d) + " " + deviceName(d);
            case 1 -> d.vendorId() + ":" + d.deviceId();
            default -> vendorName(d) + " " + deviceName(d) + " [" + d.vendorId() + ":" + d.deviceId() + "]";
        });
        if (!d.rev().isEmpty()) s.append(" (rev ").append(d.rev()).append(')');
        s.append('\n');
        if (o.verbose() > 0 || o.kernel()) {
            if (d.hasSubsystem()) s.append("\tSubsystem: ").append(subsystem(d, o.numeric())).append('\n');
            if (o.verbose() > 1 && !d.flr().isEmpty()) s.append(express(d));
            if (!driver.isEmpty()) s.append("\tKernel driver in use: ").append(driver).append('\n');
            if (!d.modules().isEmpty()) {
                s.append("\tKernel modules: ").append(String.join(", ", d.modules())).append('\n');
            }
        }
        if (o.verbose() > 0) s.append('\n');
        return s.toString();
    }

    /**
     * The PCI Express capability of an endpoint at {@code -vv} (ls-caps.c {@code cap_express} and
     * {@code cap_express_dev}, pciutils 3.5): the DevCap lines carry {@code FLReset+} or {@code FLReset-}. The other
     * capabilities and the Control/Status lines are not simulated.
     */
    private static String express(PciDev d) {
        return "\tCapabilities: [a0] Express (v2) Endpoint, MSI 00\n"
                + "\t\tDevCap:\tMaxPayload 256 bytes, PhantFunc 0, Latency L0s <64ns, L1 <1us\n"
                + "\t\t\tExtTag+ AttnBtn- AttnInd- PwrInd- RBE+ FLReset" + d.flr() + " SlotPowerLimit 0.000W\n";
    }

    private static String machine(PciDev d, Lspci.Options o) {
        StringBuilder s = new StringBuilder(slot(d, o.domains() || !d.domain().equals("0000")));
        s.append(' ').append(q(cls(d, o.numeric()))).append(' ').append(q(vendor(d, o.numeric())))
                .append(' ').append(q(dev(d, o.numeric())));
        if (!d.rev().isEmpty()) s.append(" -r").append(d.rev());
        if (!d.progIf().isEmpty()) s.append(" -p").append(d.progIf());
        if (d.hasSubsystem()) {
            s.append(' ').append(q(svendor(d, o.numeric()))).append(' ').append(q(sdevice(d, o.numeric())));
        } else {
            s.append(" \"\" \"\"");
        }
        return s.append('\n').toString();
    }

    private static String machineVerbose(PciDev d, Lspci.Options o, String driver) {
        StringBuilder s = new StringBuilder(o.machine() >= 2 ? "Slot:\t" : "Device:\t");
        s.append(slot(d, o.domains() || !d.domain().equals("0000"))).append('\n');
        s.append("Class:\t").append(cls(d, o.numeric())).append('\n');
        s.append("Vendor:\t").append(vendor(d, o.numeric())).append('\n');
        s.append("Device:\t").append(dev(d, o.numeric())).append('\n');
        if (d.hasSubsystem()) {
            s.append("SVendor:\t").append(svendor(d, o.numeric())).append('\n');
            s.append("SDevice:\t").append(sdevice(d, o.numeric())).append('\n');
        }
        if (!d.rev().isEmpty()) s.append("Rev:\t").append(d.rev()).append('\n');
        if (!d.progIf().isEmpty()) s.append("ProgIf:\t").append(d.progIf()).append('\n');
        if (o.kernel()) {
            if (!driver.isEmpty()) s.append("Driver:\t").append(driver).append('\n');
            for (String m : d.modules()) s.append("Module:\t").append(m).append('\n');
        }
        return s.append('\n').toString();
    }

    private static String slot(PciDev d, boolean withDomain) {
        return withDomain ? d.slot() : d.bdf();
    }

    /** {@code pci_lookup_name}: names (0), numbers (1) or {@code name [id]} (2). */
    private static String named(String name, String fallback, String id, int numeric) {
        String shown = name.isEmpty() ? fallback : name;
        return switch (numeric) {
            case 0 -> shown;
            case 1 -> id;
            default -> name.isEmpty() ? fallback : name + " [" + id + "]";
        };
    }

    private static String cls(PciDev d, int n) {
        return named(d.className(), "Class " + d.classId(), d.classId(), n);
    }

    private static String vendor(PciDev d, int n) {
        return named(d.vendorName(), "Vendor " + d.vendorId(), d.vendorId(), n);
    }

    private static String dev(PciDev d, int n) {
        return named(d.deviceName(), "Device " + d.deviceId(), d.deviceId(), n);
    }

    private static String svendor(PciDev d, int n) {
        return named(d.svendorName(), "Vendor " + d.svendorId(), d.svendorId(), n);
    }

    private static String sdevice(PciDev d, int n) {
        return named(d.sdeviceName(), "Device " + d.sdeviceId(), d.sdeviceId(), n);
    }

    private static String vendorName(PciDev d) {
        return d.vendorName().isEmpty() ? "Vendor " + d.vendorId() : d.vendorName();
    }

    private static String deviceName(PciDev d) {
        return d.deviceName().isEmpty() ? "Device " + d.deviceId() : d.deviceName();
    }

    private static String subsystem(PciDev d, int n) {
        String name = (d.svendorName().isEmpty() ? "Vendor " + d.svendorId() : d.svendorName()) + " "
                + (d.sdeviceName().isEmpty() ? "Device " + d.sdeviceId() : d.sdeviceName());
        return switch (n) {
            case 0 -> name;
            case 1 -> d.svendorId() + ":" + d.sdeviceId();
            default -> name + " [" + d.svendorId() + ":" + d.sdeviceId() + "]";
        };
    }

    /** Machine-readable strings: quoted, {@code "} and {@code \} escaped. */
    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
