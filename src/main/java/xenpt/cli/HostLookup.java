package xenpt.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import xenpt.desired.HideMethod;
import xenpt.desired.HostSpec;
import xenpt.desired.Policy;
import xenpt.desired.SshSettings;
import xenpt.diag.Location;

/**
 * A stop-gap lookup of one host's address, method and ssh settings in the desired-state files, for
 * {@code inspect HOST} until {@code xenpt.desired.DesiredStateLoader} is merged; the integrator replaces it with
 * {@code DesiredStateLoader.load(path)} and {@code DesiredState.host(name)}. No validation beyond what it reads.
 */
final class HostLookup {

    private HostLookup() {}

    static Optional<HostSpec> find(Path path, String name) throws IOException {
        for (Path file : files(path)) {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            if (!(doc instanceof Map<?, ?> root) || !(root.get("hosts") instanceof Map<?, ?> hosts)) continue;
            if (!(hosts.get(name) instanceof Map<?, ?> host)) continue;
            Map<?, ?> defaults = root.get("defaults") instanceof Map<?, ?> d && d.get("ssh") instanceof Map<?, ?> s ? s : Map.of();
            Map<?, ?> own = host.get("ssh") instanceof Map<?, ?> s ? s : Map.of();
            SshSettings ssh = new SshSettings(str(own, defaults, "user", "root"),
                    Integer.parseInt(str(own, defaults, "port", "22")), str(own, defaults, "identityFile", null),
                    str(own, defaults, "knownHosts", null), str(own, defaults, "hostKey", null),
                    str(own, defaults, "passwordEnv", null));
            HideMethod method = HideMethod.fromWord(String.valueOf(host.get("method") == null ? "auto" : host.get("method")));
            return Optional.of(new HostSpec(name, String.valueOf(host.get("address")), ssh, method, Policy.DEFAULT,
                    Optional.empty(), List.of(), Location.ofFile(file.toString())));
        }
        return Optional.empty();
    }

    private static String str(Map<?, ?> own, Map<?, ?> defaults, String key, String fallback) {
        Object v = own.containsKey(key) ? own.get(key) : defaults.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    private static List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) return List.of(path);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(path)) {
            s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(files::add);
        }
        return files;
    }
}
