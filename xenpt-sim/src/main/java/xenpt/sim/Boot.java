package xenpt.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a (re)boot of the host produces from its boot configuration: a new boot id, the dom0 kernel line of the
 * default entry, pciback bound to the hidden devices that exist (or not loaded at all when the hide list does not
 * parse), every VM halted except the control domain.
 */
final class Boot {

    private Boot() {}

    /** The boot file in use (the first of {@link BootFile#LOCATIONS} that exists), if any. */
    static Optional<String> bootFilePath(RootFs fs) {
        return BootFile.LOCATIONS.stream().filter(fs::exists).findFirst();
    }

    static HostState boot(Scenario scenario, RootFs fs, HostState previous) throws IOException {
        HostFlags.atBoot(fs.root().getParent()); // xapi enables a disabled host at start (HostFlags)
        String cmdline = kernelLine(scenario, fs);
        Optional<List<String>> hidden = Optional.of(List.of());
        for (String arg : cmdline.split("\\s+")) {
            // The kernel applies module parameters in order, so the last occurrence wins.
            if (arg.startsWith("xen-pciback.hide=")) hidden = HideRules.parse(arg.substring(17));
        }
        List<String> bound = new ArrayList<>();
        hidden.orElse(List.of()).forEach(s -> {
            if (scenario.device(s).isPresent()) bound.add(s);
        });
        List<Vm> vms = new ArrayList<>();
        // A host's boot stops the VMs that ran on it; in a pool, the other members' VMs run on (Pool).
        for (Vm v : previous.vms()) {
            vms.add(v.controlDomain() || !v.residentOn().equals(scenario.hostUuid()) ? v : v.halted());
        }
        KernelLog.append(scenario, fs, cmdline, bound);
        return new HostState(UUID.randomUUID().toString(), cmdline, hidden.isPresent(), bound,
                hidden.orElse(List.of()), vms, 1);
    }

    /** The default entry's dom0 arguments, or an empty line when no boot file parses. */
    static String kernelLine(Scenario scenario, RootFs fs) throws IOException {
        Optional<String> path = bootFilePath(fs);
        if (path.isEmpty()) return "";
        String text = Files.readString(fs.follow(path.get()), StandardCharsets.UTF_8);
        return BootFile.parse(path.get(), text, scenario.brand()).defaultEntry()
                .map(e -> String.join(" ", e.argWords()))
                .orElse("");
    }

    /** The first state of a new host: the scenario's VMs (dom0 first) before its first boot. */
    static HostState initial(Scenario scenario) {
        List<Vm> vms = new ArrayList<>();
        vms.add(new Vm(scenario.controlDomainUuid(), "Control domain on host: " + scenario.hostName(),
                "The domain which manages physical devices and manages other domains", "running", true,
                scenario.hostUuid(), "", java.util.Map.of(), 0, Vm.NEVER_STARTED, 4096, 8, List.of()));
        for (VmSeed s : scenario.vms()) {
            vms.add(new Vm(s.uuid(), s.nameLabel(), s.nameDescription(), "halted", false, "", s.affinity(),
                    s.otherConfig(), -1, Vm.NEVER_STARTED, s.memoryMiB(), s.vcpus(), List.of()));
        }
        return new HostState("", "", false, List.of(), List.of(), vms, 1);
    }
}
