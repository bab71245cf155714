package xenpt.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import xenpt.desired.PciAddress;
import xenpt.observed.HideList;
import xenpt.observed.ObservedHost;
import xenpt.plan.PciValues;
import xenpt.transport.Command;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The {@code xapi} method (XCP-ng 8.3 / xapi ≥ 24.14, xen-facts §5): one {@code xe pci-disable-dom0-access} per
 * device to hide and one {@code xe pci-enable-dom0-access} per device to release, each skipped when
 * {@code xe pci-get-dom0-access-status} already says so; then every device's status and the boot hide list
 * ({@code xen-cmdline --get-dom0}, which xapi itself edits) are checked. xapi keeps the hide list in its own order;
 * the set is what counts.
 */
final class XapiBackend implements HideBackend {

    private static final Set<String> HIDDEN = Set.of("disabled", "disable_on_reboot");
    private static final Set<String> RELEASED = Set.of("enabled", "enable_on_reboot");

    @Override
    public void apply(HostSession session, ObservedHost host, Set<PciAddress> after) throws ApplyException, TransportException {
        Optional<HideList> boot = XenCmdlineBackend.read(session);
        Set<PciAddress> release = new TreeSet<>(host.boot().hide().devices());
        boot.ifPresent(h -> release.addAll(h.devices()));
        release.removeAll(after);
        Map<PciAddress, String> uuids = host.pciObjects();
        requireObjects(session, uuids, after, release);
        for (PciAddress d : new TreeSet<>(after)) {
            if (!HIDDEN.contains(status(session, uuids.get(d)))) change(session, "pci-disable-dom0-access", d, uuids.get(d));
        }
        for (PciAddress d : release) {
            if (!RELEASED.contains(status(session, uuids.get(d)))) change(session, "pci-enable-dom0-access", d, uuids.get(d));
        }
        verify(session, uuids, after, release);
    }

    /** xapi manages only the devices it has a PCI object for; anything else needs the xen-cmdline method. */
    private static void requireObjects(HostSession session, Map<PciAddress, String> uuids, Set<PciAddress> hide,
            Set<PciAddress> release) throws ApplyException {
        List<String> problems = new ArrayList<>();
        hide.stream().sorted().filter(d -> !uuids.containsKey(d)).forEach(d -> problems.add("hide " + d));
        release.stream().filter(d -> !uuids.containsKey(d)).forEach(d -> problems.add("release " + d));
        if (problems.isEmpty()) return;
        throw new ApplyException(session.host() + ": xapi cannot " + String.join(", ", problems)
                + ": no PCI object in xe pci-list (xapi manages only storage, network and display devices and their"
                + " sibling functions); set method: xen-cmdline for this host to manage such devices");
    }

    private static String status(HostSession session, String uuid) throws ApplyException, TransportException {
        return Remote.must(session, Command.of("xe", "pci-get-dom0-access-status", "uuid=" + uuid),
                "xe pci-get-dom0-access-status").stdout().strip();
    }

    private static void change(HostSession session, String op, PciAddress device, String uuid)
            throws ApplyException, TransportException {
        Remote.must(session, Command.of("xe", op, "uuid=" + uuid), "xe " + op + " (" + device + ")");
    }

    private static void verify(HostSession session, Map<PciAddress, String> uuids, Set<PciAddress> hide,
            Set<PciAddress> release) throws ApplyException, TransportException {
        for (PciAddress d : new TreeSet<>(hide)) expect(session, d, uuids.get(d), HIDDEN);
        for (PciAddress d : release) expect(session, d, uuids.get(d), RELEASED);
        Optional<HideList> boot = XenCmdlineBackend.read(session);
        if (boot.isPresent() && !(boot.get().valid() && boot.get().devices().equals(hide))) {
            throw new ApplyException(session.host() + ": after the xapi calls the boot hide list is '" + boot.get().raw()
                    + "', expected the devices " + PciValues.hideValue(hide));
        }
    }

    private static void expect(HostSession session, PciAddress d, String uuid, Set<String> allowed)
            throws ApplyException, TransportException {
        String s = status(session, uuid);
        if (!allowed.contains(s)) {
            throw new ApplyException(session.host() + ": xe pci-get-dom0-access-status shows " + d + " as '" + s
                    + "', expected " + String.join(" or ", new TreeSet<>(allowed)));
        }
    }
}
