package xenpt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import xenpt.desired.DesiredState;
import xenpt.desired.HostSpec;
import xenpt.desired.SshSettings;
import xenpt.plan.HostPlan;
import xenpt.plan.Plan;
import xenpt.planfile.SavedPlan;
import xenpt.sim.SimulatedHost;

/** Saved plans and reports: written whole (temporary file, then rename) and readable by the owner only. */
final class PlanFiles {

    private PlanFiles() {}

    static void save(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A regular file's text; anything else (a directory, a FIFO that would block) is refused at once. */
    static String read(Path file) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) throw new IOException("not a regular file");
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * What {@code plan --out} saves: the plan and the desired state of its hosts, with paths that the current
     * directory resolves made absolute, so that {@code apply FILE} works from anywhere.
     */
    static SavedPlan saved(Plan plan, DesiredState state, Map<String, String> env) {
        var hosts = plan.hosts().stream().map(HostPlan::name).map(state::host).flatMap(Optional::stream)
                .map(PlanFiles::absolute).toList();
        Optional<String> simDir = hosts.stream().anyMatch(HostSpec::simulated)
                ? Optional.of(SimulatedHost.stateDir(env, "").toAbsolutePath().normalize().toString())
                : Optional.empty();
        return new SavedPlan(plan, hosts, simDir);
    }

    private static HostSpec absolute(HostSpec h) {
        SshSettings s = h.ssh();
        SshSettings ssh = new SshSettings(s.user(), s.port(), absolute(s.identityFile()), absolute(s.knownHosts()),
                s.hostKey(), s.passwordEnv());
        return new HostSpec(h.name(), h.address(), ssh, h.method(), h.policy(), h.hide(), h.vms(), h.location());
    }

    /** {@code ~} paths stay as written (the home directory may differ where the plan is applied, as in CI). */
    private static String absolute(String path) {
        if (path == null || path.equals("~") || path.startsWith("~/")) return path;
        return Path.of(path).toAbsolutePath().normalize().toString();
    }
}
