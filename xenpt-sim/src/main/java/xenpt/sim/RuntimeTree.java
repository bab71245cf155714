package xenpt.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Materialises the kernel's view of the host ({@code /proc}, {@code /sys}, {@code /dev/disk/by-id}) as real files and
 * relative symbolic links in the host tree, from the scenario's hardware and the {@link HostState}, so that commands
 * and SFTP see the same thing. Idempotent: it only changes what differs, so concurrent readers see whole files.
 */
final class RuntimeTree {

    /** pci_stub.c's driver attributes plus the sysfs driver files (xen-facts §6). */
    private static final List<String> PCIBACK_FILES = List.of("bind", "irq_handler_state", "irq_handlers", "new_id",
            "new_slot", "permissive", "quirks", "remove_id", "remove_slot", "slots", "uevent", "unbind");

    private final Scenario scenario;
    private final RootFs fs;

    RuntimeTree(Scenario scenario, RootFs fs) {
        this.scenario = scenario;
        this.fs = fs;
    }

    void sync(HostState state) throws IOException {
        writeIfChanged("/proc/cmdline", state.cmdline() + "\n");
        writeIfChanged("/proc/sys/kernel/random/boot_id", state.bootId() + "\n");
        for (PciDev d : scenario.devices()) {
            Files.createDirectories(fs.real("/sys/devices/" + d.sysfsPath()));
            link("/sys/bus/pci/devices/" + d.slot(), "../../../devices/" + d.sysfsPath());
            String driver = driverOf(d, state);
            String driverLink = "/sys/devices/" + d.sysfsPath() + "/driver";
            if (driver.isEmpty()) Files.deleteIfExists(fs.real(driverLink));
            else link(driverLink, up(d.sysfsPath()) + "bus/pci/drivers/" + driver);
        }
        syncDrivers(state);
        syncNetworks();
        syncDisks();
    }

    /** The driver a device is bound to: pciback when it holds it, else the scenario's driver (may be empty). */
    static String driverOf(PciDev d, HostState state) {
        return state.pcibackLoaded() && state.pcibackBound().contains(d.slot()) ? "pciback" : d.driver();
    }

    private void syncDrivers(HostState state) throws IOException {
        List<String> drivers = new ArrayList<>();
        for (PciDev d : scenario.devices()) {
            if (!d.driver().isEmpty() && !drivers.contains(d.driver())) drivers.add(d.driver());
        }
        for (String drv : drivers) syncDriverDir(drv, state);
        if (state.pcibackLoaded()) {
            syncDriverDir("pciback", state);
            for (String f : PCIBACK_FILES) {
                if (!f.equals("slots")) writeIfChanged("/sys/bus/pci/drivers/pciback/" + f, "");
            }
            writeIfChanged("/sys/bus/pci/drivers/pciback/slots",
                    state.pcibackSlots().stream().map(s -> s + "\n").reduce("", String::concat));
            link("/sys/bus/pci/drivers/pciback/module", "../../../../module/xen_pciback");
        } else {
            deleteTree(fs.real("/sys/bus/pci/drivers/pciback"));
        }
    }

    private void syncDriverDir(String drv, HostState state) throws IOException {
        String dir = "/sys/bus/pci/drivers/" + drv;
        Files.createDirectories(fs.real(dir));
        for (PciDev d : scenario.devices()) {
            if (driverOf(d, state).equals(drv)) link(dir + "/" + d.slot(), "../../../../devices/" + d.sysfsPath());
            else Files.deleteIfExists(fs.real(dir + "/" + d.slot()));
        }
    }

    private void syncNetworks() throws IOException {
        List<String> virtual = new ArrayList<>(List.of("lo", "ovs-system"));
        for (Nic n : scenario.nics()) {
            if (n.pci().isEmpty()) {
                virtual.add(n.name());
                continue;
            }
            String target = "devices/" + device(n.pci()).sysfsPath() + "/net/" + n.name();
            Files.createDirectories(fs.real("/sys/" + target));
            link("/sys/class/net/" + n.name(), "../../" + target);
            virtual.add("xenbr" + n.name().replaceAll("\\D", ""));
        }
        for (String v : virtual) {
            Files.createDirectories(fs.real("/sys/devices/virtual/net/" + v));
            link("/sys/class/net/" + v, "../../devices/virtual/net/" + v);
        }
    }

    private void syncDisks() throws IOException {
        Files.createDirectories(fs.real("/dev/disk/by-id"));
        for (Disk k : scenario.disks()) {
            String target = "devices/" + device(k.controller()).sysfsPath()
                    + (k.path().isEmpty() ? "" : "/" + k.path()) + "/block/" + k.name();
            Files.createDirectories(fs.real("/sys/" + target));
            link("/sys/block/" + k.name(), "../" + target);
            touch("/dev/" + k.name());
            for (String id : k.ids()) {
                link("/dev/disk/by-id/" + id, "../../" + k.name());
                for (int p = 1; p <= k.partitions(); p++) {
                    // Linux names partitions of a disk whose name ends in a digit (nvme0n1) with a "p".
                    String part = k.name() + (Character.isDigit(k.name().charAt(k.name().length() - 1)) ? "p" : "") + p;
                    touch("/dev/" + part);
                    link("/dev/disk/by-id/" + id + "-part" + p, "../../" + part);
                }
            }
        }
    }

    private PciDev device(String slot) {
        return scenario.device(slot).orElseThrow(() -> new IllegalArgumentException("no PCI device " + slot));
    }

    /** From the directory {@code /sys/devices/<path>} back up to {@code /sys}: one {@code ../} per component. */
    private static String up(String sysfsPath) {
        return "../".repeat(sysfsPath.split("/").length + 1);
    }

    private void writeIfChanged(String path, String content) throws IOException {
        Path real = fs.real(path);
        if (Files.isRegularFile(real) && Files.readString(real, StandardCharsets.UTF_8).equals(content)) return;
        Files.createDirectories(real.getParent());
        StateStore.writeAtomically(real, content);
    }

    private void touch(String path) throws IOException {
        Path real = fs.real(path);
        if (!Files.exists(real, LinkOption.NOFOLLOW_LINKS)) Files.createFile(real);
    }

    /** Makes {@code path} a symbolic link to {@code target}, replacing it atomically when it points elsewhere. */
    private void link(String path, String target) throws IOException {
        Path real = fs.real(path);
        if (Files.isSymbolicLink(real) && Files.readSymbolicLink(real).toString().equals(target)) return;
        Files.createDirectories(real.getParent());
        Path tmp = real.resolveSibling("." + real.getFileName() + ".lnk" + Thread.currentThread().threadId());
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, Path.of(target));
        Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }
}
