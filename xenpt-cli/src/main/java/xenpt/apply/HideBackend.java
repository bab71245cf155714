package xenpt.apply;

import java.util.Set;
import xenpt.desired.HideMethod;
import xenpt.desired.PciAddress;
import xenpt.observed.ObservedHost;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/**
 * Sets a host's dom0 hide list (what boots next) by one method. Contract for every implementation:
 * <ul>
 *   <li>afterwards the boot hide list of the default entry is exactly {@code after} (order not meaningful), written
 *       in the {@code (dddd:bb:dd.f)} form, and this has been read back and verified;</li>
 *   <li>a failure at any point leaves every file whole: the original or the new content, never a mix;</li>
 *   <li>calling it again with the same {@code after} changes nothing (idempotent), so an interrupted apply converges;</li>
 *   <li>every value reaches the host through {@link xenpt.transport.Command} (quoted).</li>
 * </ul>
 */
public interface HideBackend {

    /**
     * @param host  the host as observed just before, under the host lock (boot file path, backend, pci objects)
     * @param after the devices to hide; empty: no hide list at all
     * @throws ApplyException      when the host refused or the read-back did not match (message names host and step)
     * @throws TransportException when the connection failed
     */
    void apply(HostSession session, ObservedHost host, Set<PciAddress> after) throws ApplyException, TransportException;

    /** The backend for a concrete method (never {@code AUTO}). */
    static HideBackend of(HideMethod method) {
        return HideBackends.of(method);
    }
}
