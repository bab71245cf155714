package xenpt.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xenpt.desired.HideMethod;
import xenpt.desired.PciAddress;
import xenpt.format.hide.HideList;
import xenpt.format.hide.HideValue;
import xenpt.observed.DoctorReads.Evidence;
import xenpt.observed.ObservedHost;
import xenpt.plan.DoctorReport.Finding;
import xenpt.plan.DoctorReport.Kind;

/** The doctor's host-wide findings: pciback, IOMMU, the hide list's form, NVMe interrupts. Pure. */
final class DoctorHost {

    static final String XEN_CMDLINE = "/opt/xensource/libexec/xen-cmdline";
    /** An entry as people mistype it: any hex widths, doubled colons; what it most likely meant. */
    private static final Pattern LOOSE = Pattern.compile("(?:([0-9a-fA-F]{1,4}):+)?([0-9a-fA-F]{1,2}):+([0-9a-fA-F]{1,2})[.:]([0-7])");
    private static final Pattern CANONICAL = Pattern.compile("\\([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]\\)");

    private DoctorHost() {}

    static List<Finding> examine(ObservedHost host, Evidence e) {
        List<Finding> out = new ArrayList<>();
        HideList boot = host.boot().hide();
        if (!host.runtime().pcibackLoaded()) out.add(pciback(host, e));
        iommu(e).ifPresent(out::add);
        if (boot.present() && boot.valid() && !canonical(boot.raw())) {
            out.add(new Finding(Kind.NON_CANONICAL_HIDE, host.name(), "the hide list is not in the form (dddd:bb:dd.f)"
                    + " with lower-case hex that xapi's own parser (XCP-ng 8.3 PCI API) reads", host.boot().path() + ": "
                    + HideValue.KEY + "=" + boot.raw(), "write it in canonical form, then reboot", setDom0(host, boot.devices()), true));
        }
        return out;
    }

    private static Finding pciback(ObservedHost host, Evidence e) {
        String evidence = kernelLine(e.dmesg()).or(() -> kernelLine(e.kernLog()))
                .orElse("ls /sys/bus/pci/drivers/pciback: No such file or directory");
        Set<PciAddress> meant = repaired(host.boot().hide().raw());
        return new Finding(Kind.PCIBACK_NOT_LOADED, host.name(), "pciback is not loaded: VMs with PCI devices cannot start"
                + " ('pciback has not loaded')", evidence, meant.isEmpty() ? "correct the hide list in the boot configuration, then reboot"
                : "write the hide list as " + HideValue.format(meant) + " (the kernel's message shows the entry it stopped at), then reboot",
                meant.isEmpty() ? Optional.empty() : setDom0(host, meant), true);
    }

    private static Optional<Finding> iommu(Evidence e) {
        Optional<String> caps = e.xlInfo().lines().filter(l -> l.startsWith("virt_caps")).findFirst();
        Optional<String> off = e.xlDmesg().lines().filter(l -> l.contains("I/O virtualisation disabled")).findFirst();
        boolean noDirectio = caps.isPresent() && !caps.get().contains("hvm_directio");
        if (!noDirectio && off.isEmpty()) return Optional.empty();
        List<String> seen = new ArrayList<>();
        if (noDirectio) seen.add("xl info: " + caps.get().strip());
        off.ifPresent(l -> seen.add("xl dmesg: " + l.strip()));
        String evidence = String.join("; ", seen);
        return Optional.of(new Finding(Kind.IOMMU_DISABLED, "xen", "Xen runs without an IOMMU: no device can be passed"
                + " through (Device.PCI.Cannot_add)", evidence, "enable VT-d (Intel) or AMD-Vi / IOMMU in the firmware setup,"
                + " remove any iommu=0 or iommu=off from Xen's command line, then reboot", Optional.empty(), true));
    }

    /** NVMe controllers (class 0108) given to a VM need more guest interrupt lines than Xen gives by default. */
    static Optional<Finding> nvme(ObservedHost host, Evidence e, Set<PciAddress> assigned) {
        List<PciAddress> nvme = host.devices().stream().filter(d -> d.classCode().equals("0108"))
                .map(d -> d.address()).filter(assigned::contains).toList();
        String xenLine = e.xlInfo().lines().filter(l -> l.startsWith("xen_commandline")).findFirst().orElse("");
        if (nvme.isEmpty() || xenLine.isEmpty() || xenLine.contains("extra_guest_irqs=")) return Optional.empty();
        return Optional.of(new Finding(Kind.NVME_IRQS, PciValues.list(nvme), "an NVMe controller given to a VM needs"
                + " Xen's extra_guest_irqs (XCP-ng docs), or the guest may lack interrupts for its queues",
                "xl info: " + xenLine.strip(), "raise extra_guest_irqs, then reboot",
                Optional.of(List.of(XEN_CMDLINE, "--set-xen", "extra_guest_irqs=128")), true));
    }

    /** The command that writes {@code devices} as the hide list, on hosts with xen-cmdline. */
    static Optional<List<String>> setDom0(ObservedHost host, Set<PciAddress> devices) {
        if (host.backend() != HideMethod.XEN_CMDLINE && host.backend() != HideMethod.XAPI) return Optional.empty();
        return Optional.of(List.of(XEN_CMDLINE, "--set-dom0", HideValue.argument(devices)));
    }

    private static boolean canonical(String raw) {
        return CANONICAL.matcher(raw).replaceAll("").isBlank();
    }

    private static Set<PciAddress> repaired(String raw) {
        Set<PciAddress> out = new TreeSet<>();
        Matcher m = LOOSE.matcher(raw);
        while (m.find()) {
            PciAddress.tryParse((m.group(1) == null ? "0000" : m.group(1)) + ":" + m.group(2) + ":" + m.group(3) + "."
                    + m.group(4)).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<String> kernelLine(String log) {
        return log.lines().filter(l -> l.contains("pci_devs_to_hide")).reduce((a, b) -> b).map(String::strip);
    }
}
