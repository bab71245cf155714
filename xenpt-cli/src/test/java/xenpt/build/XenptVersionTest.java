package xenpt.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class XenptVersionTest {

    @Test
    void theBuildFillsInTheProjectVersion() {
        // Maven filters xenpt/version.properties: the placeholder never reaches the classes
        assertThat(XenptVersion.current().version()).isNotEqualTo("dev").matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void bannerNamesVersionCommitAndJava() {
        XenptVersion v = new XenptVersion("0.2.0", Optional.of("1a2b3c4"));
        assertThat(v.banner("21.0.5")).isEqualTo("xenpt 0.2.0 (commit 1a2b3c4, Java 21.0.5)");
        assertThat(v.recorded()).isEqualTo("0.2.0+1a2b3c4");
    }

    @Test
    void withoutACommitOnlyTheVersion() {
        XenptVersion v = new XenptVersion("0.2.0", Optional.of(""));
        assertThat(v.commit()).isEmpty();
        assertThat(v.banner("25.0.1")).isEqualTo("xenpt 0.2.0 (Java 25.0.1)");
        assertThat(v.recorded()).isEqualTo("0.2.0");
    }

    @Test
    void unfilteredPlaceholdersMeanUnknown() {
        Properties p = new Properties();
        p.setProperty("version", "${project.version}");
        p.setProperty("commit", "${xenpt.commit}");
        XenptVersion v = XenptVersion.parse(p);
        assertThat(v.version()).isEqualTo("dev");
        assertThat(v.commit()).isEmpty();
    }

    @Test
    void blankVersionRefused() {
        assertThatThrownBy(() -> new XenptVersion(" ", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
