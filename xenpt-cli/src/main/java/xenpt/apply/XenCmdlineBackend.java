package xenpt.apply;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import xenpt.desired.PciAddress;
import xenpt.format.hide.HideList;
import xenpt.format.hide.HideValue;
import xenpt.observed.ObservedHost;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The {@code xen-cmdline} method (XCP-ng 8.2 and other hosts that ship {@code /opt/xensource/libexec/xen-cmdline}):
 * one key per call (xen-facts §4: several keys in one call corrupt the file), {@code --set-dom0
 * 'xen-pciback.hide=(…)(…)'} or {@code --delete-dom0 xen-pciback.hide} for an empty set, verified with
 * {@code --get-dom0}. The tool rewrites the boot file in place, not atomically (xen-facts §11), so the call is wrapped
 * in a {@link ToolEditGuard}: xenpt's own backup before, a check of the file after, the old file put back when the
 * call failed or the result is wrong. No call (and no backup) when the default entry already has exactly the wanted
 * argument.
 */
final class XenCmdlineBackend implements HideBackend {

    static final String TOOL = "/opt/xensource/libexec/xen-cmdline";

    private final Clock clock;

    /** @param clock for the time stamp of the boot file backup */
    XenCmdlineBackend(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void apply(HostSession session, ObservedHost host, Set<PciAddress> after) throws ApplyException, TransportException {
        String want = HideValue.argument(after);
        if (current(session).equals(want)) return;
        ToolEditGuard guard = ToolEditGuard.begin(session, clock, host.boot());
        try {
            if (after.isEmpty()) {
                Remote.must(session, Command.of(TOOL, "--delete-dom0", HideValue.KEY), "xen-cmdline --delete-dom0");
            } else {
                Remote.must(session, Command.of(TOOL, "--set-dom0", want), "xen-cmdline --set-dom0");
            }
            String now = current(session);
            if (!now.equals(want)) {
                throw new ApplyException(session.host() + ": after the change xen-cmdline --get-dom0 " + HideValue.KEY
                        + " shows '" + now + "', expected '" + want + "'");
            }
        } catch (ApplyException e) {
            throw guard.failed(e);
        }
        guard.finish(after);
    }

    /**
     * The default entry's hide arguments as {@code --get-dom0} prints them (one per line; joined with a space when
     * there are several, so that they never equal a single wanted argument); {@code ""} when there is none.
     */
    static String current(HostSession session) throws ApplyException, TransportException {
        CommandResult r = Remote.must(session, getCommand(), "xen-cmdline --get-dom0");
        return String.join(" ", lines(r));
    }

    /**
     * The hide list in the boot file as xen-cmdline reads it (the last argument wins, as in the kernel), or empty
     * when the host has no xen-cmdline.
     */
    static Optional<HideList> read(HostSession session) throws ApplyException, TransportException {
        CommandResult r = session.run(getCommand());
        if (r.exitCode() == 127) return Optional.empty();
        if (!r.ok()) throw Remote.failed(session, "xen-cmdline --get-dom0", r);
        HideList hide = HideList.ABSENT;
        for (String arg : lines(r)) {
            hide = arg.startsWith(HideValue.KEY + "=") ? HideValue.parse(arg.substring(HideValue.KEY.length() + 1))
                    : HideValue.parse("");
        }
        return Optional.of(hide);
    }

    private static Command getCommand() {
        return Command.of(TOOL, "--get-dom0", HideValue.KEY);
    }

    private static List<String> lines(CommandResult r) {
        return r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
