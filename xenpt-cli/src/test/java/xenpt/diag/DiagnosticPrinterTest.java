package xenpt.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosticPrinterTest {

    private static final SourceLines SOURCE = SourceLines.of(Map.of(
            "hosts.yaml", "version: 1\nhosts:\n  wintermute:\n    adress: 192.0.2.10\n",
            "tabs.yaml", "a:\n\tb: c\n"));

    @Test
    void showsTheSourceLineWithACaretUnderTheColumnAndTheHint() {
        Diagnostic d = Diagnostic.error(new Location("hosts.yaml", 4, 5), "unknown key 'adress' in hosts.wintermute",
                "did you mean 'address'?");
        assertThat(DiagnosticPrinter.format(d, SOURCE)).isEqualTo("""
                hosts.yaml:4:5: error: unknown key 'adress' in hosts.wintermute
                  |
                4 |     adress: 192.0.2.10
                  |     ^
                  = did you mean 'address'?
                """);
    }

    @Test
    void theGutterIsAsWideAsTheLineNumber() {
        SourceLines many = SourceLines.of(Map.of("f.yaml", "x\n".repeat(11) + "  bad: [\n"));
        String text = DiagnosticPrinter.format(Diagnostic.error(new Location("f.yaml", 12, 9), "invalid YAML"), many);
        assertThat(text).isEqualTo("""
                f.yaml:12:9: error: invalid YAML
                   |
                12 |   bad: [
                   |         ^
                """);
    }

    @Test
    void tabsBeforeTheColumnAreKeptSoTheCaretLinesUp() {
        String text = DiagnosticPrinter.format(Diagnostic.error(new Location("tabs.yaml", 2, 2), "tab"), SOURCE);
        assertThat(text.lines().toList()).contains("  | \t^");
    }

    @Test
    void wholeFileAndUnknownSourceGiveTheHeaderAlone() {
        assertThat(DiagnosticPrinter.format(Diagnostic.error(Location.ofFile("big.yaml"), "file is too large", "split it"),
                SOURCE)).isEqualTo("big.yaml: error: file is too large\n = split it\n");
        assertThat(DiagnosticPrinter.format(Diagnostic.warning(new Location("gone.yaml", 3, 1), "odd", null),
                SourceLines.none())).isEqualTo("gone.yaml:3:1: warning: odd\n");
        assertThat(DiagnosticPrinter.format(Diagnostic.error(null, "no files"), SOURCE)).isEqualTo("error: no files\n");
    }

    @Test
    void printSeparatesDiagnosticsByABlankLine() {
        StringWriter out = new StringWriter();
        DiagnosticPrinter.print(new PrintWriter(out), List.of(
                Diagnostic.error(null, "first"), Diagnostic.error(null, "second")), SourceLines.none());
        assertThat(out.toString()).isEqualTo("error: first\n\nerror: second\n");
    }

    @Test
    void controlCharactersAreEscapedAndTheCaretStillPointsAtTheColumn() {
        SourceLines source = SourceLines.of(java.util.Map.of("f.yaml", "k\u001b[2Jx: 1\n"));
        Diagnostic d = Diagnostic.error(new Location("f.yaml", 1, 6), "unknown key 'k\u001b[2Jx'");
        assertThat(DiagnosticPrinter.format(d, source)).isEqualTo("""
                f.yaml:1:6: error: unknown key 'k\\x1b[2Jx'
                  |
                1 | k\\x1b[2Jx: 1
                  |         ^
                """);
    }

    @Test
    void aHugeLineIsShownAsAWindowAroundTheColumn() {
        String line = "a".repeat(1_000) + "X" + "b".repeat(1_000);
        SourceLines source = SourceLines.of(java.util.Map.of("f.yaml", line));
        String text = DiagnosticPrinter.format(Diagnostic.error(new Location("f.yaml", 1, 1_001), "here"), source);
        String shown = text.lines().toList().get(2);
        String caret = text.lines().toList().get(3);
        assertThat(shown.length()).isLessThan(200);
        assertThat(shown.charAt(caret.indexOf('^'))).isEqualTo('X');
    }
}
