package xenpt.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * The pool a simulated host belongs to. xapi models a standalone host as a pool of one whose master is itself
 * (xen-facts §11, {@code xe pool-list}); a scenario with a {@code pool:} block is a member of a pool of several hosts:
 *
 * <pre>
 * pool:
 *   name: lab                 # the pool's name-label; its database lives in &lt;state dirs&gt;/pool-lab/
 *   master: lab-a             # the member scenario that is the pool master (default: the first member)
 *   members: [lab-a, lab-b]   # every member's scenario, each served with its own state directory beside the others
 * </pre>
 *
 * <p>What a pool shares and what it does not, as in xapi: one database, so {@code xe vm-list}, {@code host-list},
 * {@code pif-list} and {@code pool-list} answer the same on every member (each member's {@code xe} forwards to the
 * master, {@code xapi_cli.ml}) and a VM's {@code resident-on} / {@code affinity} name a member's host uuid; each member
 * has its own hardware, boot files, {@code /etc/xensource-inventory} (its own INSTALLATION_UUID), pciback and boot id.
 * The shared VM table is {@code pool-<name>/vms.json}, written by {@link StateStore} under one lock for the pool.
 *
 * <p>Not simulated across members: starting a VM on another member (xapi places a VM on its affinity host; the
 * simulator refuses, see {@link PoolTables#startsElsewhere}), and the {@code pci-*-dom0-access} commands on another
 * member's PCI object (xapi forwards them to that host; here they answer "uuid invalid"). A member reboot halts only
 * the VMs resident on it.
 *
 * @param dir the pool's directory, or null for a standalone host
 * @param haEnabled HA is enabled on the pool ({@code ha-enabled: true} in the pool block); never on a standalone host
 */
record Pool(String name, String uuid, String masterUuid, List<Scenario> members, Path dir, boolean haEnabled) {

    Pool {
        members = List.copyOf(members);
        if (members.stream().noneMatch(m -> m.hostUuid().equals(masterUuid))) {
            throw new IllegalArgumentException("pool master " + masterUuid + " is not a member");
        }
        if (members.stream().map(Scenario::hostUuid).distinct().count() != members.size()) {
            throw new IllegalArgumentException("pool " + name + ": two members have the same INSTALLATION_UUID");
        }
    }

    static Pool standalone(Scenario s) {
        return new Pool("", HostTables.poolUuid(s), s.hostUuid(), List.of(s), null, false);
    }

    /**
     * The pool of the host described by {@code yaml} (scenario {@code scenarioName}, state in {@code stateDir}).
     * Member scenarios are copied into the pool directory on first use, as a host's own scenario is copied into its
     * state directory, so a pool keeps describing itself when the scenario files change.
     */
    static Pool open(String scenarioName, String yaml, Scenario self, Path stateDir) throws IOException {
        Object block = pools(yaml);
        if (block == null) return standalone(self);
        if (!(block instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)
                || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || !(m.get("members") instanceof List<?> names)) {
            throw new IllegalArgumentException("scenario " + self.name() + ": pool needs name (letters, digits, '.',"
                    + " '_', '-') and members (a list of scenario names)");
        }
        Path dir = stateDir.resolveSibling("pool-" + name);
        Files.createDirectories(dir.resolve("members"));
        Path own = dir.resolve("members").resolve(memberName(self) + ".yaml");
        if (!Files.exists(own)) StateStore.writeAtomically(own, yaml);
        List<Scenario> members = new ArrayList<>();
        for (Object o : names) members.add(member(String.valueOf(o), scenarioName, self, dir));
        String masterName = m.get("master") instanceof String s ? s : String.valueOf(names.get(0));
        Scenario master = members.stream().filter(s -> memberName(s).equals(masterName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("pool " + name + ": master " + masterName
                        + " is not among the members"));
        if (members.stream().noneMatch(s -> s.hostUuid().equals(self.hostUuid()))) {
            throw new IllegalArgumentException("pool " + name + " does not list " + self.name() + " as a member");
        }
        return new Pool(name, HostTables.poolUuid(master), master.hostUuid(), members, dir,
                "true".equals(m.get("ha-enabled")));
    }

    private static Object pools(String yaml) {
        LoadSettings settings = LoadSettings.builder().setSchema(new FailsafeSchema()).build();
        return new Load(settings).loadFromString(yaml) instanceof Map<?, ?> top ? top.get("pool") : null;
    }

    /** A member's scenario: this host's own, the pool's copy, or the scenario (built-in, or beside a scenario file). */
    private static Scenario member(String name, String selfSource, Scenario self, Path dir) throws IOException {
        if (memberName(self).equals(name)) return self;
        Path copy = dir.resolve("members").resolve(name + ".yaml");
        if (!Files.exists(copy)) {
            String source = selfSource.endsWith(".yaml") || selfSource.endsWith(".yml")
                    ? Path.of(selfSource).resolveSibling(name + ".yaml").toString() : name;
            StateStore.writeAtomically(copy, ScenarioLoader.text(source));
        }
        return ScenarioLoader.parse(name, Files.readString(copy, StandardCharsets.UTF_8));
    }

    /** A scenario's name without directories and {@code .yaml}: how the pool block names members. */
    static String memberName(Scenario s) {
        return Path.of(s.name()).getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    boolean pooled() {
        return dir != null;
    }

    List<String> hostUuids() {
        return members.stream().map(Scenario::hostUuid).toList();
    }

    Optional<Scenario> member(String hostUuid) {
        return members.stream().filter(m -> m.hostUuid().equals(hostUuid)).findFirst();
    }

    /** The scenario entry a VM of the pool was created from (any member's), if it has one. */
    Optional<VmSeed> seed(String vmUuid) {
        return members.stream().flatMap(m -> m.vms().stream()).filter(v -> v.uuid().equals(vmUuid)).findFirst();
    }

    Scenario master() {
        return member(masterUuid).orElseThrow();
    }

    /** The store of a member's state: its own file, with the VM table of the pool when it is in one. */
    StateStore store(Path stateDir) {
        return pooled() ? new StateStore(stateDir, dir) : new StateStore(stateDir);
    }

    /** Where another member keeps its state: beside this host's state directory, under its scenario name. */
    static Path stateDirOf(Scenario member, Path selfStateDir) {
        return selfStateDir.resolveSibling(memberName(member));
    }

    /**
     * The state of {@code self} before its first boot: its dom0 and VMs, or in a pool the pool's VM table (created
     * with every member's control domain and VMs when this is the first member to start).
     */
    HostState initial(Scenario self, StateStore store) throws IOException {
        HostState own = Boot.initial(self);
        if (!pooled()) return own;
        List<Vm> vms = store.sharedVms().orElse(null);
        if (vms == null) {
            vms = new ArrayList<>();
            for (Scenario m : members) vms.addAll(Boot.initial(m).vms());
        }
        return new HostState(own.bootId(), own.cmdline(), own.pcibackLoaded(), own.pcibackBound(),
                own.pcibackSlots(), vms, own.nextDomId());
    }
}
