package xenpt.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import xenpt.desired.PciAddress;
import xenpt.format.hide.HideList;
import xenpt.format.hide.HideValue;
import xenpt.observed.ObservedHost;
import xenpt.transport.Command;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The {@code xapi} method (XCP-ng 8.3 / xapi ≥ 24.14, xen-facts §5): one {@code xe pci-disable-dom0-access} per
 * device to hide and one {@code xe pci-enable-dom0-access} per device to release. What is hidden now is the boot hide
 * list as xen-cmdline reads it, the same source xapi's own status uses, so devices already right get no call. Then
 * each changed device's {@code xe pci-get-dom0-access-status} and the boot hide list are checked. xapi keeps the list
 * in its own order; the set is what counts. xapi writes the boot file through xen-cmdline, in place, one call per device,
 * so the calls run inside a {@link ToolEditGuard}: a failure part way puts the old file back instead of leaving some
 * devices changed and others not.
 */
final class XapiBackend implements HideBackend {

    private static final Set<String> HIDDEN = Set.of("disabled", "disable_on_reboot");
    private static final Set<String> RELEASED = Set.of("enabled", "enable_on_reboot");
    private static final Pattern XAPI_FORM =
            Pattern.compile("(\\([0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]\\))*");

    private final Clock clock;

    /** @param clock for the time stamp of the boot file backup */
    XapiBackend(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void apply(HostSession session, ObservedHost host, Set<PciAddress> after) throws ApplyException, TransportException {
        Optional<HideList> boot = XenCmdlineBackend.read(session);
        Set<PciAddress> hidden = boot.map(HideList::devices).orElse(host.boot().hide().devices());
        Set<PciAddress> hide = new TreeSet<>(after);
        hide.removeAll(hidden);
        Set<PciAddress> release = new TreeSet<>(hidden);
        release.removeAll(after);
        Map<PciAddress, String> uuids = host.pciObjects();
        requireObjects(session, uuids, hide, release);
        if (hide.isEmpty() && release.isEmpty()) {
            verifyBootList(session, after);
            return;
        }
        requireXapiForm(session, boot);
        ToolEditGuard guard = ToolEditGuard.begin(session, clock, host.boot());
        try {
            for (PciAddress d : hide) change(session, "pci-disable-dom0-access", d, uuids.get(d));
            for (PciAddress d : release) change(session, "pci-enable-dom0-access", d, uuids.get(d));
            for (PciAddress d : hide) expect(session, d, uuids.get(d), HIDDEN);
            for (PciAddress d : release) expect(session, d, uuids.get(d), RELEASED);
            verifyBootList(session, after);
        } catch (ApplyException e) {
            throw guard.failed(e);
        }
        guard.finish(after);
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

    /**
     * xapi parses the boot list as fixed {@code (dddd:bb:dd.f)} entries and fails on anything else (xen-facts §5.3),
     * e.g. a hand-written {@code (01:00.0)}; say so before xapi answers with an internal error.
     */
    private static void requireXapiForm(HostSession session, Optional<HideList> boot) throws ApplyException {
        String raw = boot.map(HideList::raw).orElse("");
        if (XAPI_FORM.matcher(raw).matches()) return;
        throw new ApplyException(session.host() + ": xapi cannot edit the boot hide list '" + raw + "': it reads only"
                + " (dddd:bb:dd.f) entries; set method: xen-cmdline for one apply to rewrite it in that form");
    }

    private static String status(HostSession session, String uuid) throws ApplyException, TransportException {
        return Remote.must(session, Command.of("xe", "pci-get-dom0-access-status", "uuid=" + uuid),
                "xe pci-get-dom0-access-status").stdout().strip();
    }

    private static void change(HostSession session, String op, PciAddress device, String uuid)
            throws ApplyException, TransportException {
        Remote.must(session, Command.of("xe", op, "uuid=" + uuid), "xe " + op + " (" + device + ")");
    }

    private static void verifyBootList(HostSession session, Set<PciAddress> after) throws ApplyException, TransportException {
        Optional<HideList> boot = XenCmdlineBackend.read(session);
        if (boot.isPresent() && !(boot.get().valid() && boot.get().devices().equals(after))) {
            throw new ApplyException(session.host() + ": after the xapi calls the boot hide list is '" + boot.get().raw()
                    + "', expected the devices " + HideValue.format(after));
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
