package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inspect -o markdown}: the facts as a list and the devices and VMs as Markdown tables. */
class InspectMarkdownIT {

    @TempDir
    Path dir;

    @Test
    void inspectWritesMarkdownTables() {
        Cli.Result r = Cli.run(dir, "inspect", "-o", "markdown", "--address", "sim:wintermute");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("### xenpt inspect: sim:wintermute (`sim:wintermute`)\n\n- **product:** ")
                .contains("\n#### Devices\n\n| ADDRESS | CLASS | ID | NAME | DRIVER | HIDDEN | PCIBACK | VM | NOTE |\n|---|")
                .contains("\n#### VMs\n\n| NAME | UUID | POWER | PCI |\n|---|---|---|---|\n")
                .contains("| Windows Server 2012 R2 | 22eb15fb-169c-ec9b-0ad4-231dc7210376 |");
        Cli.Result text = Cli.run(dir, "inspect", "--address", "sim:wintermute");
        assertThat(text.out()).doesNotContain("###", "|---");
    }
}
