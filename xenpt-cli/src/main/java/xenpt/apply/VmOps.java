package xenpt.apply;

import java.util.Optional;
import xenpt.format.otherconfig.OtherConfigPci;
import xenpt.observed.PowerState;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The VM steps of an apply, each verified by reading the value back with {@code xe vm-param-get}: set or remove
 * {@code other-config:pci}, set the affinity, halt and start (a started VM must hold its devices:
 * {@link AttachmentCheck}). Every step is idempotent, so an interrupted apply converges when run again.
 */
final class VmOps {

    private final Link link;

    VmOps(Link link) {
        this.link = link;
    }

    /** Sets {@code other-config:pci} to {@code value}, or removes the key when empty; returns a note or "". */
    String setPci(String uuid, String vmName, Optional<String> value) throws ApplyException, TransportException {
        HostSession s = link.session();
        String note = "";
        if (value.isPresent()) {
            xe(s, "vm-param-set", "uuid=" + uuid, OtherConfigPci.MAP + ":" + OtherConfigPci.KEY + "=" + value.get());
        } else {
            CommandResult r = s.run(Command.of("xe", "vm-param-remove", "uuid=" + uuid, "param-name=" + OtherConfigPci.MAP,
                    "param-key=" + OtherConfigPci.KEY));
            // xapi >= 1.14: "Key pci is not in map"; 1.9 (XenServer 6.x): "Key is not in map". Absent is what we want.
            if (!r.ok() && r.stderr().contains("not in map")) note = "the key was already absent";
            else if (!r.ok()) throw Remote.failed(s, "xe vm-param-remove", r);
        }
        Optional<String> now = pci(s, uuid);
        if (!now.equals(value)) {
            throw new ApplyException(s.host() + ": other-config:pci of VM '" + vmName + "' reads " + shown(now)
                    + " after writing " + shown(value));
        }
        return note;
    }

    /** Sets the VM's affinity to {@code hostUuid}. */
    void pin(String uuid, String vmName, String hostUuid) throws ApplyException, TransportException {
        HostSession s = link.session();
        xe(s, "vm-param-set", "uuid=" + uuid, "affinity=" + hostUuid);
        String now = param(s, uuid, "affinity");
        if (!now.equals(hostUuid)) {
            throw new ApplyException(s.host() + ": the affinity of VM '" + vmName + "' reads '" + now
                    + "' after setting '" + hostUuid + "'");
        }
    }

    /** Halts the VM when it runs, then starts it on {@code hostUuid} (the host of its devices) and checks that it runs. */
    void restart(String uuid, String vmName, String hostUuid) throws ApplyException, TransportException {
        if (power(uuid) == PowerState.RUNNING) shutdown(uuid);
        startOn(uuid, vmName, hostUuid);
    }

    void shutdown(String uuid) throws ApplyException, TransportException {
        xe(link.session(), "vm-shutdown", "uuid=" + uuid);
    }

    /**
     * A clean shutdown; a guest that does not complete it within xapi's timeout (VM_SHUTDOWN_TIMEOUT, or
     * VM_FAILED_SHUTDOWN_ACK, datamodel_errors.ml) is forced off ({@code --force}, a hard shutdown) only when
     * {@code force}; otherwise the refusal says how to allow it. Returns a note when it was forced.
     */
    String shutdownCleanly(String uuid, String vmName, boolean force) throws ApplyException, TransportException {
        HostSession s = link.session();
        CommandResult r = s.run(Command.of("xe", "vm-shutdown", "uuid=" + uuid));
        if (r.ok()) return "";
        boolean timedOut = r.stderr().startsWith("VM failed to shutdown before the timeout expired")
                || r.stderr().startsWith("VM didn't acknowledge the need to shutdown");
        if (!timedOut) throw Remote.failed(s, "xe vm-shutdown", r);
        if (!force) {
            throw new ApplyException(s.host() + ": VM '" + vmName + "' did not shut down cleanly in time ("
                    + Remote.errorLine(r) + "); nothing was forced and the host was not rebooted. Shut it down from"
                    + " inside the guest, or run apply again with --force-shutdown to force it off (xe vm-shutdown"
                    + " --force: like pulling the plug)");
        }
        xe(s, "vm-shutdown", "--force", "uuid=" + uuid);
        return "forced off VM '" + vmName + "' (--force-shutdown)";
    }

    /** Starts the VM on the host {@code hostUuid} ({@code on=}), not wherever xapi would place it. */
    void startOn(String uuid, String vmName, String hostUuid) throws ApplyException, TransportException {
        HostSession s = link.session();
        xe(s, "vm-start", "uuid=" + uuid, "on=" + hostUuid);
        PowerState now = power(uuid);
        if (now != PowerState.RUNNING) {
            throw new ApplyException(s.host() + ": VM '" + vmName + "' is " + now.word() + " after xe vm-start");
        }
        AttachmentCheck.verify(s, uuid, vmName, pci(s, uuid).map(OtherConfigPci::parse).orElse(java.util.List.of()));
    }

    PowerState power(String uuid) throws ApplyException, TransportException {
        String word = param(link.session(), uuid, "power-state");
        try {
            return PowerState.fromXe(word);
        } catch (IllegalArgumentException e) {
            throw new ApplyException(link.session().host() + ": " + e.getMessage(), e);
        }
    }

    private static String param(HostSession s, String uuid, String name) throws ApplyException, TransportException {
        return xe(s, "vm-param-get", "uuid=" + uuid, "param-name=" + name).stdout().strip();
    }

    /** The exact {@code other-config:pci}; empty when the key is absent ("Key pci not found in map", exit 1). */
    private static Optional<String> pci(HostSession s, String uuid) throws ApplyException, TransportException {
        CommandResult r = s.run(Command.of("xe", "vm-param-get", "uuid=" + uuid, "param-name=" + OtherConfigPci.MAP,
                "param-key=" + OtherConfigPci.KEY));
        if (r.ok()) return Optional.of(r.stdout().endsWith("\n") ? r.stdout().substring(0, r.stdout().length() - 1) : r.stdout());
        if (r.stderr().contains("not found in map")) return Optional.empty();
        throw Remote.failed(s, "xe vm-param-get", r);
    }

    /** {@code xe <subcommand> args…}, which must succeed; a refusal names {@code xe <subcommand>}. */
    private static CommandResult xe(HostSession s, String subcommand, String... args) throws ApplyException, TransportException {
        return Remote.must(s, Command.of("xe", subcommand).with(args), "xe " + subcommand);
    }

    private static String shown(Optional<String> v) {
        return v.map(x -> "'" + x + "'").orElse("(absent)");
    }
}
