package xenpt.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Creates a host's state directory from its scenario on first use (files, keys, state, a first boot that starts the
 * scenario's running VMs) and reopens it afterwards. The scenario is copied to {@code <state>/scenario.yaml}, so a
 * state directory describes its host by itself.
 */
final class HostSetup {

    /**
     * A marker in the state directory: the host went down for a reboot that did not end while it was served (the
     * "reboot never returns" fault); when it is served again without that fault, it boots first (a new boot id).
     */
    static final String DOWN = "down";

    private static final List<String> DIRS = List.of("/root", "/tmp", "/etc", "/var/lock", "/var/log", "/boot");

    private HostSetup() {}

    static HostContext open(String scenarioName, Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        String text = new StateStore(stateDir).locked(() -> {
            Path copy = stateDir.resolve("scenario.yaml");
            if (!Files.exists(copy)) {
                StateStore.writeAtomically(copy, ScenarioLoader.text(scenarioName));
            }
            return Files.readString(copy, StandardCharsets.UTF_8);
        });
        Scenario scenario = ScenarioLoader.parse(scenarioName, text);
        Pool pool = Pool.open(scenarioName, text, scenario, stateDir);
        StateStore store = pool.store(stateDir);
        HostContext opened = store.locked(() -> {
            KeyFiles.ensureClientKey(stateDir);
            RootFs fs = new RootFs(stateDir.resolve("root"));
            HostContext ctx = new HostContext(scenario, fs, store, new RuntimeTree(scenario, fs),
                    new Faults(stateDir, store), pool);
            if (!store.exists()) create(ctx);
            Path down = stateDir.resolve(DOWN);
            if (Files.exists(down) && !ctx.faults().rebootNeverReturns()) {
                store.write(Autostart.atBoot(ctx, Boot.boot(scenario, fs, store.read())));
                Files.delete(down);
            }
            ctx.tree().sync(store.read());
            return ctx;
        });
        createOtherMembers(pool, scenarioName, stateDir);
        return opened;
    }

    /**
     * Brings up the state of the pool's other members that never ran, so that the pool's VM table holds every
     * member's VMs as they are at its first boot (running VMs resident on their own member).
     */
    private static void createOtherMembers(Pool pool, String scenarioName, Path stateDir) throws IOException {
        for (Scenario m : pool.members()) {
            Path dir = Pool.stateDirOf(m, stateDir);
            if (dir.equals(stateDir) || Files.exists(dir.resolve("state.json"))) continue;
            String source = scenarioName.endsWith(".yaml") || scenarioName.endsWith(".yml")
                    ? pool.dir().resolve("members").resolve(Pool.memberName(m) + ".yaml").toString()
                    : Pool.memberName(m);
            open(source, dir);
        }
    }

    private static void create(HostContext ctx) throws IOException {
        Scenario s = ctx.scenario();
        RootFs fs = ctx.fs();
        for (String d : DIRS) Files.createDirectories(fs.real(d));
        StringBuilder inventory = new StringBuilder();
        s.inventory().forEach((k, v) -> inventory.append(k).append("='").append(v).append("'\n"));
        write(fs, "/etc/xensource-inventory", inventory.toString());
        for (Map.Entry<String, String> f : s.files().entrySet()) write(fs, f.getKey(), f.getValue());
        for (Map.Entry<String, String> l : s.links().entrySet()) {
            Path link = fs.real(l.getKey());
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(l.getValue()));
        }
        if (s.xenCmdline()) {
            Path tool = fs.real(XenCmdline.PATH);
            write(fs, XenCmdline.PATH, "#!/usr/bin/env python\n# xen-cmdline (emulated by the xenpt simulator)\n");
            Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        if (fs.exists("/boot/efi/EFI/xenserver/grub.cfg")) Files.createDirectories(fs.real("/sys/firmware/efi/efivars"));
        HostState booted = Boot.boot(s, fs, ctx.pool().initial(s, ctx.store()));
        for (VmSeed seed : s.vms()) {
            if (!seed.powerState().equals("running")) continue;
            String pci = seed.otherConfig().get("pci");
            HostState before = seed.pciSetWhileRunning() ? booted.withVm(seed.uuid(), v -> v.withOtherConfig("pci", null))
                    : booted;
            VmPower.Result r = VmPower.start(ctx, before, seed.uuid());
            if (r.error() != null) throw new IOException("scenario " + s.name() + ": VM " + seed.nameLabel()
                    + " cannot start: " + r.error().err().strip());
            booted = seed.pciSetWhileRunning() ? r.state().withVm(seed.uuid(), v -> v.withOtherConfig("pci", pci))
                    : r.state();
        }
        ctx.store().write(booted);
    }

    private static void write(RootFs fs, String path, String content) throws IOException {
        Path real = fs.real(path);
        Files.createDirectories(real.getParent());
        Files.writeString(real, content, StandardCharsets.UTF_8);
    }
}
