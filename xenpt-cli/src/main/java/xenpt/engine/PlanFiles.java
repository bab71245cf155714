package xenpt.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
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
import xenpt.planfile.PlanFile;
import xenpt.render.PlanJson;
import xenpt.planfile.SavedPlan;
import xenpt.sim.SimulatedHost;
import xenpt.diag.LocalFiles;

/** Saved plans and reports: written whole (temporary file, then rename) and readable by the owner only. */
public final class PlanFiles {

    private PlanFiles() {}

    /** A saved plan is far smaller; a file beyond this is not one (and would not fit in memory). */
    static final long MAX_READ_BYTES = 64L * 1024 * 1024;

    /**
     * Writes {@code content} to {@code file} atomically. An existing {@code file} that is not a regular file (a FIFO,
     * a device such as {@code /dev/null}, a directory) is refused: the rename would replace it.
     */
    public static void save(Path file, String content) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Optional<String> kind = LocalFiles.notRegular(file);
            if (kind.isPresent()) {
                throw new IOException(file + " is not a regular file (" + kind.get() + "); refusing to replace it");
            }
        }
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

    /** Reads a saved plan: a regular file (or a link to one) of at most {@link #MAX_READ_BYTES}; nothing else is opened. */
    public static String read(Path file) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
        Optional<String> kind = LocalFiles.notRegular(file);
        if (kind.isPresent()) {
            throw new IOException("not a regular file (" + kind.get() + "); a saved plan is a file written by "
                    + "'xenpt plan --out'");
        }
        byte[] content = LocalFiles.readAtMost(file, MAX_READ_BYTES + 1);
        if (content.length > MAX_READ_BYTES) {
            throw new IOException("larger than " + MAX_READ_BYTES / (1024 * 1024) + " MiB; not a saved xenpt plan");
        }
        return new String(content, StandardCharsets.UTF_8);
    }

    /** Saves a plan as {@code plan --out} does: the plan and the desired state of its hosts, owner-only. */
    public static void save(Path file, Planning.Planned planned, Map<String, String> env) throws IOException {
        save(file, PlanFile.write(saved(planned.plan(), planned.state(), env)));
    }

    /**
     * A saved plan's plan alone, for {@code show}; an {@link IllegalArgumentException} says it is not a saved xenpt
     * plan.
     */
    public static Plan readPlan(Path file) throws IOException {
        return PlanJson.read(read(file));
    }

    /**
     * What {@code plan --out} saves: the plan and the desired state of its hosts, with paths that the current
     * directory resolves made absolute, so that {@code apply FILE} works from anywhere.
     */
    public static SavedPlan saved(Plan plan, DesiredState state, Map<String, String> env) {
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
