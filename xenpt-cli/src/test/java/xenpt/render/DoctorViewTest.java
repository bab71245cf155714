package xenpt.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xenpt.plan.DoctorReport;
import xenpt.plan.DoctorReport.Finding;
import xenpt.plan.DoctorReport.Kind;

/** The doctor's views: the fix command is shell-quoted as one line to paste, in text and Markdown alike. */
class DoctorViewTest {

    static final DoctorReport REPORT = new DoctorReport("xcp83", Optional.empty(), List.of(new Finding(
            Kind.NON_CANONICAL_HIDE, "xcp83", "the hide list is not canonical", "grub.cfg: xen-pciback.hide=(0b:00.0)",
            "write it in canonical form, then reboot", Optional.of(List.of("/opt/xensource/libexec/xen-cmdline",
                    "--set-dom0", "xen-pciback.hide=(0000:0b:00.0)")), true)));

    @Test
    void textShowsEvidenceAndAQuotedFixLine() {
        String t = new Views(Format.text, false).doctor(REPORT);
        assertThat(t).contains("xcp83: 1 problem", "non-canonical-hide: xcp83", "evidence: grub.cfg: xen-pciback.hide=(0b:00.0)",
                "    /opt/xensource/libexec/xen-cmdline --set-dom0 'xen-pciback.hide=(0000:0b:00.0)' && reboot");
    }

    @Test
    void markdownIsATableWithTheFixInCode() {
        String md = new Views(Format.markdown, false).doctor(REPORT);
        assertThat(md).startsWith("### xenpt doctor: xcp83\n\n| problem | subject | evidence | fix |")
                .contains("`/opt/xensource/libexec/xen-cmdline --set-dom0 'xen-pciback.hide=(0000:0b:00.0)' && reboot`");
    }

    @Test
    void healthyHostSaysSo() {
        DoctorReport ok = new DoctorReport("xcp83", Optional.of("gpu-workstation"), List.of());
        assertThat(new Views(Format.text, false).doctor(ok)).isEqualTo("xenpt doctor: xcp83 (VM gpu-workstation): no problem found\n");
        assertThat(new Views(Format.json, false).doctor(ok)).contains("\"healthy\": true", "\"findings\": []");
    }
}
