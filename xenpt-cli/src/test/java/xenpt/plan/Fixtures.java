package xenpt.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xenpt.desired.DesiredState;
import xenpt.desired.HideEntry;
import xenpt.desired.HideMethod;
import xenpt.desired.HostSpec;
import xenpt.desired.PciAddress;
import xenpt.desired.PciId;
import xenpt.desired.Policy;
import xenpt.desired.SshSettings;
import xenpt.desired.VmSpec;
import xenpt.diag.Location;
import xenpt.format.hide.HideList;
import xenpt.observed.BootConfig;
import xenpt.observed.HostInfo;
import xenpt.observed.Observation;
import xenpt.observed.ObservedHost;
import xenpt.observed.PciDevice;
import xenpt.observed.PowerState;
import xenpt.observed.RuntimeState;
import xenpt.observed.VmRecord;

/** Small builders for planner inputs: no YAML, no SSH. */
public final class Fixtures {

    public static final String FILE = "desired-state/hosts.yaml";

    private Fixtures() {}

    public static DesiredState desired(HostB... hosts) {
        return new DesiredState(Arrays.stream(hosts).map(HostB::build).toList(),
                "5d41402abc4b2a76b9719d911017c592ae1f0e5a4c1d7b2e3f4a5b6c7d8e9f00", Optional.of("3f2c1ab"));
    }

    public static HostB host(String name) {
        return new HostB(name);
    }

    public static ObsB observed(String name, String hostUuid) {
        return new ObsB(name, hostUuid);
    }

    public static Observation unreachable(String name, String address, String reason) {
        return new Observation.Unreachable(name, address, reason);
    }

    /** A desired host. Line numbers grow as entries are added so diagnostics have distinct locations. */
    public static final class HostB {
        private final String name;
        private String address;
        private Policy policy = Policy.DEFAULT;
        private List<HideEntry> hide;
        private final List<VmSpec> vms = new ArrayList<>();
        private int line = 10;

        HostB(String name) {
            this.name = name;
            this.address = name + ".example.net";
        }

        public HostB address(String a) {
            address = a;
            return this;
        }

        public HostB policy(Policy.Mode reboot, Policy.Mode vmRestart, boolean prune) {
            policy = new Policy(reboot, vmRestart, prune);
            return this;
        }

        /** {@code hide:} with these addresses; call with none for {@code hide: []}. */
        public HostB hide(String... addresses) {
            if (hide == null) hide = new ArrayList<>();
            for (String a : addresses) hide.add(new HideEntry(PciAddress.parse(a), Optional.empty(), at()));
            return this;
        }

        public HostB hidePinned(String address, String id) {
            if (hide == null) hide = new ArrayList<>();
            hide.add(new HideEntry(PciAddress.parse(address), Optional.of(PciId.parse(id)), at()));
            return this;
        }

        public HostB vm(String vmName, String... pci) {
            vms.add(new VmSpec(vmName, Optional.empty(), addresses(pci), at()));
            return this;
        }

        public HostB vmWithUuid(String vmName, String uuid, String... pci) {
            vms.add(new VmSpec(vmName, Optional.of(uuid), addresses(pci), at()));
            return this;
        }

        private Location at() {
            return new Location(FILE, ++line, 7);
        }

        HostSpec build() {
            return new HostSpec(name, address, SshSettings.DEFAULT, HideMethod.AUTO, policy, Optional.ofNullable(hide), vms,
                    new Location(FILE, 3, 3));
        }
    }

    /** An observed host; by default nothing hidden, pciback loaded and bound to nothing. */
    public static final class ObsB {
        private final String name;
        private final String hostUuid;
        private String address;
        private String bootHide;
        private String runningHide;
        private boolean pcibackLoaded = true;
        private Set<PciAddress> bound;
        private String bootId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        private final List<PciDevice> devices = new ArrayList<>();
        private final List<VmRecord> vms = new ArrayList<>();
        private final Set<PciAddress> management = new TreeSet<>();
        private final Set<PciAddress> rootDisk = new TreeSet<>();

        ObsB(String name, String hostUuid) {
            this.name = name;
            this.hostUuid = hostUuid;
            this.address = name + ".example.net";
        }

        public ObsB address(String a) {
            address = a;
            return this;
        }

        public ObsB device(String address, String id, String classCode, String className, String vendor, String device,
                String driver) {
            devices.add(new PciDevice(PciAddress.parse(address), classCode, className, PciId.parse(id), vendor, device, "",
                    "", Optional.ofNullable(driver)));
            return this;
        }

        public ObsB nic(String address, String driver) {
            return device(address, "8086:10d3", "0200", "Ethernet controller", "Intel Corporation",
                    "82574L Gigabit Network Connection", driver);
        }

        public ObsB management(String address) {
            management.add(PciAddress.parse(address));
            return this;
        }

        public ObsB rootDisk(String address) {
            rootDisk.add(PciAddress.parse(address));
            return this;
        }

        /** The boot hide value as written, both on the boot line and (unless set apart) on the running line. */
        public ObsB hidden(String raw) {
            bootHide = raw;
            runningHide = raw;
            bound = null;
            return this;
        }

        public ObsB bootHide(String raw) {
            bootHide = raw;
            return this;
        }

        public ObsB runningHide(String raw) {
            runningHide = raw;
            return this;
        }

        public ObsB pciback(boolean loaded, String... boundDevices) {
            pcibackLoaded = loaded;
            bound = new TreeSet<>(addresses(boundDevices));
            return this;
        }

        public ObsB bootId(String id) {
            bootId = id;
            return this;
        }

        /** A VM; {@code pciRaw} null: no key. */
        public ObsB vm(String uuid, String nameLabel, PowerState power, String affinity, String residentOn, String pciRaw) {
            vms.add(new VmRecord(uuid, nameLabel, power, residentOn, affinity, Optional.ofNullable(pciRaw), parsePci(pciRaw)));
            return this;
        }

        /** The devices the running domain of VM {@code uuid} holds (dom0's PCI backends), replacing "unknown". */
        public ObsB attached(String uuid, String... devices) {
            vms.replaceAll(v -> v.uuid().equals(uuid) ? v.withAttached(new TreeSet<>(addresses(devices))) : v);
            return this;
        }

        /** A VM placed on this host: running means resident here; affinity as given. */
        public ObsB vmHere(String uuid, String nameLabel, PowerState power, boolean pinned, String pciRaw) {
            return vm(uuid, nameLabel, power, pinned ? hostUuid : "", power == PowerState.RUNNING ? hostUuid : "", pciRaw);
        }

        public ObservedHost build() {
            HideList boot = hideList(bootHide);
            HideList running = hideList(runningHide);
            Set<PciAddress> b = bound != null ? bound : pcibackLoaded ? running.devices() : Set.of();
            String args = "root=LABEL=root-cafyeg ro nolvm hpet=disable xencons=hvc console=hvc0 quiet vga=785 splash"
                    + (boot.present() ? " xen-pciback.hide=" + boot.raw() : "");
            BootConfig config = new BootConfig("/boot/grub/grub.cfg", BootConfig.Format.GRUB,
                    List.of(new BootConfig.Entry("XenServer", args, boot)), 0, boot);
            return new ObservedHost(name, address, new HostInfo("XenServer", "7.0.0", hostUuid, name, true), HideMethod.GRUB,
                    config, new RuntimeState(bootId, running, pcibackLoaded, b), devices, vms, management, rootDisk, java.util.Map.of());
        }

        public Observation reached() {
            return new Observation.Reached(build());
        }
    }

    private static final Pattern ENTRY = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern WELL_FORMED = Pattern.compile("(\\s*\\((?:[0-9a-fA-F]{1,4}:)?[0-9a-fA-F]{1,2}:[0-9a-fA-F]{1,2}\\.[0-7]\\)\\s*)*");

    /** A HideList as the observer would parse {@code raw}; null: absent. Validity per the Linux pciback parser. */
    public static HideList hideList(String raw) {
        if (raw == null) return HideList.ABSENT;
        Set<PciAddress> devices = new TreeSet<>();
        Matcher m = ENTRY.matcher(raw);
        while (m.find()) PciAddress.tryParse(m.group(1)).ifPresent(devices::add);
        return new HideList(true, raw, WELL_FORMED.matcher(raw).matches(), devices);
    }

    static List<PciAddress> parsePci(String raw) {
        if (raw == null) return List.of();
        List<PciAddress> out = new ArrayList<>();
        for (String item : raw.split(",")) {
            int slash = item.indexOf('/');
            if (slash < 0) continue;
            String a = item.substring(slash + 1);
            if (a.matches("[0-9a-fA-F]{1,4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7].*")) PciAddress.tryParse(a.substring(0, a.indexOf('.') + 2)).ifPresent(out::add);
        }
        return out;
    }

    private static List<PciAddress> addresses(String... text) {
        return Arrays.stream(text).map(PciAddress::parse).toList();
    }
}
