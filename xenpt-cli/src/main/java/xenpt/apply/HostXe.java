package xenpt.apply;

import xenpt.transport.Command;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * The xapi host commands of a reboot (xapi {@code cli_frontend.ml}: {@code host-disable}, {@code host-enable},
 * {@code host-evacuate}, each with the host's {@code uuid=}): a disabled host takes no new VM; evacuation migrates its
 * running VMs to other members, or fails naming the VM that cannot move (docs/xen-facts-additions.md).
 */
final class HostXe {

    private final Link link;
    private final String hostUuid;

    HostXe(Link link, String hostUuid) {
        this.link = link;
        this.hostUuid = hostUuid;
    }

    void disable() throws ApplyException, TransportException {
        must("host-disable");
    }

    void enable() throws ApplyException, TransportException {
        must("host-enable");
    }

    void evacuate() throws ApplyException, TransportException {
        must("host-evacuate");
    }

    /** The host's {@code enabled} field. */
    boolean enabled() throws ApplyException, TransportException {
        HostSession s = link.session();
        return Remote.must(s, Command.of("xe", "host-param-get", "uuid=" + hostUuid, "param-name=enabled"),
                "xe host-param-get").stdout().strip().equals("true");
    }

    private void must(String subcommand) throws ApplyException, TransportException {
        Remote.must(link.session(), Command.of("xe", subcommand, "uuid=" + hostUuid), "xe " + subcommand);
    }
}
