package xenpt.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/** A VM of a scenario as it is when the host is first created. {@code affinity} is a host uuid or empty. */
record VmSeed(
        String uuid,
        String nameLabel,
        String nameDescription,
        String powerState,
        long memoryMiB,
        int vcpus,
        String affinity,
        Map<String, String> otherConfig) {

    VmSeed {
        otherConfig = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(otherConfig));
    }
}
