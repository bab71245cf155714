package xenpt.render;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import xenpt.plan.Change;
import xenpt.plan.DriftReport;
import xenpt.plan.Plan;

/**
 * Fleet-sized output (issue 14): a plan of 200 hosts where 3 change shows those 3 and one line for the other 197;
 * {@code --show-unchanged} lists them (collapsed in Markdown); JSON keeps every host.
 */
class FleetRenderTest {

    static final Set<Integer> CHANGED = Set.of(17, 42, 150);
    static final Plan FLEET = FleetFixture.plan(200, CHANGED);

    @Test
    void markdownOfTwoHundredHostsWithThreeChangedFitsInFourKilobytesAndCountsTheRest() throws IOException {
        String md = PlanMarkdown.render(FLEET);
        Golden.check("plan-fleet.md", md);
        assertThat(md.getBytes(UTF_8).length).isLessThan(4096);
        assertThat(md).contains("#### h017 ", "#### h042 ", "#### h150 ", "197 hosts unchanged (`--show-unchanged` lists them).")
                .doesNotContain("h001", "h200");
        assertThat(FLEET.summary().changes()).isEqualTo(9);
    }

    @Test
    void textOfTheSamePlanShowsTheChangedHostsAndOneLineForTheRest() throws IOException {
        String text = PlanText.render(FLEET, false);
        Golden.check("plan-fleet.txt", text);
        assertThat(text).contains("h017 (10.0.0.18)\n", "197 hosts unchanged (--show-unchanged lists them)\n")
                .doesNotContain("h001", "matches the desired state");
    }

    @Test
    void showUnchangedListsEveryHostInTextAndInACollapsedMarkdownSection() {
        String text = PlanText.render(FLEET, false, true);
        assertThat(text).contains("h001 (10.0.0.2)\n  matches the desired state\n", "h200 (10.0.0.201)\n")
                .doesNotContain("unchanged");
        String md = PlanMarkdown.render(FLEET, true);
        assertThat(md).contains("<details><summary>197 hosts unchanged</summary>\n\n- h001 (`10.0.0.2`)\n- h002 ")
                .contains("- h200 (`10.0.0.201`)\n\n</details>\n");
        IntStream.rangeClosed(1, 200).forEach(i -> assertThat(md).contains(FleetFixture.name(i) + " "));
        assertThat(new Views(Format.markdown, false).showingUnchanged(true).plan(FLEET)).isEqualTo(md);
        assertThat(new Views(Format.text, false).plan(FLEET)).isEqualTo(PlanText.render(FLEET, false));
    }

    @Test
    void jsonKeepsEveryHostWhateverTheOption() {
        String json = new Views(Format.json, false).plan(FLEET);
        assertThat(new JSONObject(json).getJSONArray("hosts").length()).isEqualTo(200);
        assertThat(new Views(Format.json, false).showingUnchanged(true).plan(FLEET)).isEqualTo(json);
    }

    @Test
    void oneUnchangedHostIsOneHost() {
        Plan two = FleetFixture.plan(2, Set.of(1));
        assertThat(PlanText.render(two, false)).contains("\n1 host unchanged (--show-unchanged lists them)\n");
        assertThat(PlanMarkdown.render(two)).contains("\n1 host unchanged (`--show-unchanged` lists them).\n");
        assertThat(PlanMarkdown.render(two, true)).contains("<summary>1 host unchanged</summary>");
    }

    @Test
    void aPlanWithoutChangesSaysSoOnceInsteadOfListingOrCountingEveryHost() {
        Plan none = FleetFixture.plan(200, Set.of());
        assertThat(PlanText.render(none, false)).isEqualTo("No changes. 200 hosts match the desired state.\n");
        assertThat(PlanMarkdown.render(none)).doesNotContain("h001", "unchanged")
                .contains("**No changes. 200 hosts match the desired state.**");
    }

    @Test
    void driftOfAFleetShowsTheDriftedHostsAndCountsTheRest() {
        DriftReport drift = FleetFixture.drift(200, CHANGED);
        String text = DriftText.render(drift, false, Map.of());
        assertThat(text).contains("h042 (10.0.0.43)\n", "\n197 hosts match the desired state (--show-unchanged lists them)\n")
                .doesNotContain("h001");
        String md = DriftMarkdown.render(drift, Map.of());
        assertThat(md).contains("#### h150 ", "197 hosts match the desired state (`--show-unchanged` lists them).")
                .doesNotContain("h001");
        assertThat(md.getBytes(UTF_8).length).isLessThan(4096);
        String all = new Views(Format.markdown, false).showingUnchanged(true).drift(drift, Map.of());
        assertThat(all).contains("<details><summary>197 hosts match the desired state</summary>\n\n- h001 (`10.0.0.2`)\n");
        assertThat(new Views(Format.text, false).showingUnchanged(true).drift(drift, Map.of()))
                .contains("h001 (10.0.0.2)\n  matches the desired state\n");
        assertThat(new JSONObject(DriftJson.write(drift)).getJSONArray("hosts").length()).isEqualTo(200);
    }

    @Test
    void aPinNamesItsHostAndEveryRowSaysWhy() {
        String md = PlanMarkdown.render(FLEET);
        assertThat(md).contains("| + | pin | h017/gpu-17 | — | `h017 (" + FleetFixture.uuid(17) + ")` | — | its devices are on h017 |")
                .contains("| + | hide | h017 | — | `(0000:01:03.0)(0000:0e:00.0)` | reboot required | hide 0000:01:03.0 and 0000:0e:00.0 |");
        assertThat(PlanText.render(FLEET, false)).contains("pin        gpu-17: (none) → h017 (" + FleetFixture.uuid(17) + ")\n"
                + "      # its devices are on h017\n");
    }

    @Test
    void aPinFromAnotherHostOfThePlanNamesThatHostToo() {
        Change toA = new Change.Pin("a", "vm-1", "v1", Optional.empty(), "uuid-a", "its devices are on a");
        Change toB = new Change.Pin("b", "vm-2", "v2", Optional.of("uuid-a"), "uuid-b", "its devices are on b");
        Change fromElsewhere = new Change.Pin("b", "vm-3", "v3", Optional.of("uuid-x"), "uuid-b", "its devices are on b");
        Plan plan = new Plan(List.of(FleetFixture.host("a", List.of(toA)), FleetFixture.host("b", List.of(toB, fromElsewhere))),
                "p", "d", Optional.empty());
        assertThat(PlanText.render(plan, false)).contains("v2: a (uuid-a) → b (uuid-b)\n", "v3: uuid-x → b (uuid-b)\n");
        assertThat(PlanMarkdown.render(plan)).contains("| ~ | pin | b/v2 | `a (uuid-a)` | `b (uuid-b)` | — | its devices are on b |");
    }

    @Test
    void aLongHostTableIsCollapsedAndAShortOneIsNot() {
        assertThat(PlanMarkdown.render(pins(11))).contains("#### a (`a`)\n\n<details><summary>11 changes</summary>\n\n| | change |")
                .contains(" |\n\n</details>\n\n<details><summary>Details</summary>");
        assertThat(PlanMarkdown.render(pins(PlanMarkdown.LONG_TABLE))).doesNotContain("changes</summary>");
        List<DriftReport.Item> items = IntStream.range(0, 11).mapToObj(i -> new DriftReport.Item(
                DriftReport.Category.ASSIGNMENT, "vm 'v" + i + "'", "affinity is unset")).toList();
        DriftReport drift = new DriftReport(List.of(new DriftReport.HostDrift("a", "a", items)), "d", Optional.empty());
        assertThat(DriftMarkdown.render(drift, Map.of())).contains("<details><summary>11 differences</summary>\n\n| category |")
                .endsWith(" |\n\n</details>\n\n");
    }

    private static Plan pins(int n) {
        List<Change> pins = IntStream.range(0, n).mapToObj(i -> (Change) new Change.Pin("a", "vm-" + i, "v" + i,
                Optional.empty(), "ua", "its devices are on a")).toList();
        return new Plan(List.of(FleetFixture.host("a", pins)), "p", "d", Optional.empty());
    }
}
