package xenpt.desired;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded and validated desired state: every host of every file, sorted by name.
 *
 * @param hosts  hosts sorted by name, names unique
 * @param digest SHA-256 (hex) over the source files' names and bytes, to tie a saved plan to its input
 * @param commit the git commit the files were read from, when known
 */
public record DesiredState(List<HostSpec> hosts, String digest, Optional<String> commit) {

    public DesiredState {
        hosts = hosts.stream().sorted(Comparator.comparing(HostSpec::name)).toList();
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(commit, "commit");
        for (int i = 1; i < hosts.size(); i++) {
            if (hosts.get(i).name().equals(hosts.get(i - 1).name())) {
                throw new IllegalArgumentException("duplicate host " + hosts.get(i).name());
            }
        }
    }

    public Optional<HostSpec> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }
}
