package xenpt.observed;

import java.util.Objects;

/**
 * Identity and version of a host, from {@code /etc/xensource-inventory} and xe.
 *
 * @param brand        e.g. {@code XenServer}, {@code XCP-ng}
 * @param version      e.g. {@code 7.0.0}, {@code 8.3.0}
 * @param hostUuid     INSTALLATION_UUID, the host's uuid
 * @param poolMaster   whether this host is its pool's master
 */
public record HostInfo(String brand, String version, String hostUuid, String nameLabel, boolean poolMaster) {
    public HostInfo {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(hostUuid, "hostUuid");
        nameLabel = Objects.requireNonNullElse(nameLabel, "");
    }
}
