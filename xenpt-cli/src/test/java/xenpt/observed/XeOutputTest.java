package xenpt.observed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import xenpt.desired.PciAddress;
import xenpt.format.otherconfig.OtherConfigPci;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;

class XeOutputTest {

    @Test
    void wintermuteVmListGivesThreeCleanRecords() {
        List<XeRecords.XeRecord> r = XeRecords.parse(Samples.read("xe-vm-list-wintermute.txt"));
        assertThat(r).hasSize(3).allMatch(XeRecords.XeRecord::clean);
        assertThat(r.get(1).fields()).containsExactly(
                java.util.Map.entry("uuid", "22eb15fb-169c-ec9b-0ad4-231dc7210376"),
                java.util.Map.entry("name-label", "Windows Server 2012 R2"),
                java.util.Map.entry("power-state", "running"));
        assertThat(r.get(0).get("name-label")).isEqualTo("Control domain on host: Wintermute");
        assertThat(r.get(2).get("power-state")).isEqualTo("halted");
    }

    @Test
    void mapsStayUnescapedAndTheWiderPaddingIsFollowed() {
        List<XeRecords.XeRecord> r = XeRecords.parse(Samples.read("xe-vm-list-other-config.txt"));
        assertThat(r).singleElement().satisfies(rec -> {
            assertThat(rec.clean()).isTrue();
            assertThat(rec.get("other-config"))
                    .isEqualTo("base_template_name: Windows 10 (64-bit); mac_seed: 2bd6c1c4-...; pci: 0/0000:01:00.0,0/0000:01:00.1");
        });
        assertThat(XeRecords.parse(Samples.read("xe-vm-list-2012.txt")).get(0).get("start-time")).isEqualTo("20120329T05:00:10Z");
        assertThat(XeRecords.parse(Samples.read("xe-vm-list-default.txt"))).hasSize(2);
    }

    @Test
    void pciListRecordOf83() {
        XeRecords.XeRecord r = XeRecords.parse(Samples.read("xe-pci-list-83.txt")).get(0);
        assertThat(r.get("device-name")).isEqualTo("TigerLake-H GT1 [UHD Graphics]");
        assertThat(r.get("pci-id")).isEqualTo("0000:00:02.0");
    }

    @Test
    void emptyValuesKeepTheirFieldWithOrWithoutTheTrailingSpace() {
        String out = "uuid ( RO)            : u1\n      name-label ( RW): \n     power-state ( RO): halted\n    other-config (MRW):\n\n\n";
        XeRecords.XeRecord r = XeRecords.parse(out).get(0);
        assertThat(r.get("name-label")).isEmpty();
        assertThat(r.fields()).containsKey("other-config");
        assertThat(r.clean()).isTrue();
    }

    @Test
    void hostileNameLabelsSurviveAndNewlinesMarkTheRecordUnclean() {
        String label = "a; b: c 'q' \"d\" $(touch x) ünïcødé ( RO): x";
        String out = "uuid ( RO)           : u1\n     name-label ( RW): " + label + "\n    power-state ( RO): running\n\n\n"
                + "uuid ( RO)           : u2\n     name-label ( RW): line one\n\nline three\n    power-state ( RO): halted\n\n\n";
        List<XeRecords.XeRecord> r = XeRecords.parse(out);
        assertThat(r).hasSize(2);
        assertThat(r.get(0).get("name-label")).isEqualTo(label);
        assertThat(r.get(0).clean()).isTrue();
        assertThat(r.get(1).get("name-label")).isEqualTo("line one\n\nline three");
        assertThat(r.get(1).get("power-state")).isEqualTo("halted");
        assertThat(r.get(1).clean()).isFalse();
    }

    @Test
    void aForgedFieldInsideAValueIsNotSilentlyTrusted() {
        String out = "uuid ( RO)           : u1\n     name-label ( RW): evil\n    power-state ( RO): halted\n"
                + "    power-state ( RO): running\n\n\n";
        XeRecords.XeRecord r = XeRecords.parse(out).get(0);
        assertThat(r.clean()).isFalse();
        String misaligned = "uuid ( RO)           : u1\n     name-label ( RW): evil\npower-state ( RO): halted\n    power-state ( RO): running\n";
        XeRecords.XeRecord m = XeRecords.parse(misaligned).get(0);
        assertThat(m.get("name-label")).isEqualTo("evil\npower-state ( RO): halted");
        assertThat(m.get("power-state")).isEqualTo("running");
        assertThat(m.clean()).isFalse();
    }

    @Test
    void garbageAndEmptyOutputGiveNoRecords() {
        assertThat(XeRecords.parse("")).isEmpty();
        assertThat(XeRecords.parse("\n\n\n")).isEmpty();
        assertThat(XeRecords.parse("Warning: something\nnot a record\n")).isEmpty();
    }

    @Test
    void minimalListsUnescapeCommasAndBackslashes() {
        assertThat(XeMinimal.parse("\n")).isEmpty();
        assertThat(XeMinimal.parse("a,b\n")).containsExactly("a", "b");
        assertThat(XeMinimal.parse("0/0000:01:00.0\\,0/0000:01:00.1\n")).containsExactly("0/0000:01:00.0,0/0000:01:00.1");
        assertThat(XeMinimal.parse("x\\\\,y\n")).containsExactly("x\\", "y");
    }

    private static CommandResult failed(String stderr) {
        return new CommandResult(Command.of("xe", "x"), 1, "", stderr);
    }

    @Test
    void xeErrorsAreClassified() {
        assertThat(XeError.of(failed("Error: Key pci not found in map\n")).orElseThrow().kind()).isEqualTo(XeError.Kind.KEY_NOT_FOUND);
        assertThat(XeError.of(failed("Error: Key pci is not in map\n")).orElseThrow().kind()).isEqualTo(XeError.Kind.KEY_NOT_FOUND);
        assertThat(XeError.of(failed("Unknown command: pci-list\nFor usage run: 'xe help'\n")).orElseThrow().kind())
                .isEqualTo(XeError.Kind.UNKNOWN_COMMAND);
        assertThat(XeError.of(failed("The uuid you supplied was invalid.\ntype: VM\nuuid: 0000\n")).orElseThrow().kind())
                .isEqualTo(XeError.Kind.UUID_INVALID);
        XeError internal = XeError.of(failed(
                "The server failed to handle your request, due to an internal error.  The given message may give details useful for debugging the problem.\n"
                        + "message: xenopsd internal error: (Failure\n  \"Error from xenguesthelper\")\n")).orElseThrow();
        assertThat(internal.kind()).isEqualTo(XeError.Kind.INTERNAL_ERROR);
        assertThat(internal.message()).isEqualTo("message: xenopsd internal error: (Failure");
        assertThat(XeError.of(failed("Error: Connection refused (calling connect )\n")).orElseThrow().kind())
                .isEqualTo(XeError.Kind.XAPI_DOWN);
        assertThat(XeError.of(failed("")).orElseThrow().message()).isEqualTo("exit status 1");
        assertThat(XeError.of(new CommandResult(Command.of("xe"), 0, "", ""))).isEmpty();
    }

    @Test
    void otherConfigPciFollowsXapisLenientRules() {
        assertThat(OtherConfigPci.parse("0/0000:01:00.0,0/0000:01:00.1"))
                .containsExactly(PciAddress.parse("01:00.0"), PciAddress.parse("01:00.1"));
        assertThat(OtherConfigPci.parse("0/000:84:00.0junk,0/01:00.0,1/0000:0A:1f.7,x, 0/0000:02:00.0,0/0000:02:20.0,0/0000:02:00.8"))
                .containsExactly(PciAddress.parse("84:00.0"), PciAddress.parse("0a:1f.7"));
        assertThat(OtherConfigPci.parse("")).isEmpty();
    }
}
