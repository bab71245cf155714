package xenpt.build;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The xenpt version: the Maven project version plus the git commit it was built from, read from the filtered
 * resource {@code xenpt/version.properties}. One source for {@code --version} and for the {@code xenpt_version}
 * key that saved plans, JSON outputs and the host journal carry.
 *
 * @param version the project version, e.g. {@code 0.2.0}; {@code dev} when the resource is missing (classes run
 *     outside a Maven build)
 * @param commit the abbreviated git commit, empty when the build did not come from a checkout
 */
public record XenptVersion(String version, Optional<String> commit) {

    private static final String RESOURCE = "/xenpt/version.properties";
    private static final XenptVersion CURRENT = load();

    public XenptVersion {
        Objects.requireNonNull(version, "version");
        if (version.isBlank()) throw new IllegalArgumentException("a version must not be blank");
        Objects.requireNonNull(commit, "commit");
        commit = commit.filter(c -> !c.isBlank());
    }

    /** The version of the running xenpt. */
    public static XenptVersion current() {
        return CURRENT;
    }

    /**
     * The value recorded in outputs: the version with the commit as semver build metadata, {@code 0.2.0+1a2b3c4},
     * or the bare version without a commit.
     */
    public String recorded() {
        return commit.map(c -> version + "+" + c).orElse(version);
    }

    /** The {@code --version} line: {@code xenpt 0.2.0 (commit 1a2b3c4, Java 21.0.5)}. */
    public String banner(String javaVersion) {
        return "xenpt " + version + " (" + commit.map(c -> "commit " + c + ", ").orElse("") + "Java " + javaVersion
                + ")";
    }

    static XenptVersion parse(Properties p) {
        String v = p.getProperty("version", "");
        // an unfiltered resource (an IDE copying it as is) still holds the ${...} placeholders
        if (v.isBlank() || v.startsWith("${")) v = "dev";
        String c = p.getProperty("commit", "");
        return new XenptVersion(v, c.startsWith("${") ? Optional.empty() : Optional.of(c.trim()));
    }

    private static XenptVersion load() {
        Properties p = new Properties();
        try (InputStream in = XenptVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // an unreadable resource inside our own jar: report the version as unknown rather than fail every command
        }
        return parse(p);
    }
}
