package xenpt.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xenpt.diag.Diagnostic;
import xenpt.diag.Location;

class DesiredStateLoaderTest {

    @TempDir
    Path dir;

    private static SourceFile file(String name, String text) {
        return new SourceFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static DesiredState valid(SourceFile... files) {
        LoadResult r = DesiredStateLoader.load(List.of(files));
        assertThat(r.diagnostics()).as("diagnostics").isEmpty();
        assertThat(r.ok()).isTrue();
        return r.state().orElseThrow();
    }

    @Test
    void hostSettingsOverrideTheFileDefaultsKeyByKey() {
        DesiredState s = valid(file("a.yaml", """
                version: 1
                defaults:
                  ssh: {user: admin, port: 2222, identityFile: ~/.ssh/fleet, passwordEnv: FLEET_PW}
                  policy: {reboot: auto, vmRestart: auto, prune: true}
                hosts:
                  plain:
                    address: 192.0.2.1
                  custom:
                    address: 192.0.2.2
                    ssh: {port: 22, hostKey: "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8"}
                    policy: {vmRestart: manual}
                """));
        HostSpec plain = s.host("plain").orElseThrow();
        assertThat(plain.ssh()).isEqualTo(new SshSettings("admin", 2222, "~/.ssh/fleet", null, null, "FLEET_PW"));
        assertThat(plain.policy()).isEqualTo(new Policy(Policy.Mode.AUTO, Policy.Mode.AUTO, true));
        HostSpec custom = s.host("custom").orElseThrow();
        assertThat(custom.ssh()).isEqualTo(new SshSettings("admin", 22, "~/.ssh/fleet", null,
                "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8", "FLEET_PW"));
        assertThat(custom.policy()).isEqualTo(new Policy(Policy.Mode.AUTO, Policy.Mode.MANUAL, true));
    }

    @Test
    void aPortInTheAddressIsTheHostsPortAndOverridesTheDefault() {
        DesiredState s = valid(file("a.yaml", """
                version: 1
                defaults:
                  ssh: {port: 2200}
                hosts:
                  v4: {address: "10.0.0.5:2222"}
                  v6: {address: "[2001:db8::10]:2223"}
                  name: {address: "xs1.example.com:2224", ssh: {port: 2224}}
                  bare-v6: {address: "::1"}
                  bracketed: {address: "[::1]"}
                  plain: {address: xs2.example.com}
                """));
        assertThat(List.of("v4", "v6", "name", "bare-v6", "bracketed", "plain")).map(n -> s.host(n).orElseThrow())
                .extracting(HostSpec::address, h -> h.ssh().port())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10.0.0.5", 2222),
                        org.assertj.core.groups.Tuple.tuple("2001:db8::10", 2223),
                        org.assertj.core.groups.Tuple.tuple("xs1.example.com", 2224),
                        org.assertj.core.groups.Tuple.tuple("::1", 2200),
                        org.assertj.core.groups.Tuple.tuple("::1", 2200),
                        org.assertj.core.groups.Tuple.tuple("xs2.example.com", 2200));
    }

    @Test
    void withoutDefaultsTheBuiltInSettingsApply() {
        HostSpec h = valid(file("a.yaml", "version: 1\nhosts:\n  h: {address: sim:wintermute}\n")).hosts().get(0);
        assertThat(h.ssh()).isEqualTo(SshSettings.DEFAULT);
        assertThat(h.policy()).isEqualTo(Policy.DEFAULT);
        assertThat(h.method()).isEqualTo(HideMethod.AUTO);
        assertThat(h.simulated()).isTrue();
        assertThat(h.hide()).as("no hide key: boot configuration left alone").isEmpty();
        assertThat(h.vms()).isEmpty();
    }

    @Test
    void defaultsArePerFile() {
        DesiredState s = valid(
                file("a.yaml", "version: 1\ndefaults: {ssh: {user: alice}}\nhosts:\n  a: {address: 192.0.2.1}\n"),
                file("b.yaml", "version: 1\nhosts:\n  b: {address: 192.0.2.2}\n"));
        assertThat(s.host("a").orElseThrow().ssh().user()).isEqualTo("alice");
        assertThat(s.host("b").orElseThrow().ssh().user()).isEqualTo("root");
    }

    @Test
    void addressesAreNormalisedAndIdsAndUuidsRead() {
        HostSpec h = valid(file("a.yaml", """
                version: 1
                hosts:
                  h:
                    address: sim:wintermute
                    method: xen-cmdline
                    hide:
                      - 0E:00.0
                      - {address: 0000:01:03.0, id: 1002:515E}
                    vms:
                      Windows Server 2012 R2:
                        uuid: 22EB15FB-169C-EC9B-0AD4-231DC7210376
                        pci: [01:03.0]
                """)).hosts().get(0);
        assertThat(h.method()).isEqualTo(HideMethod.XEN_CMDLINE);
        List<HideEntry> hide = h.hide().orElseThrow();
        assertThat(hide).extracting(e -> e.address().toString()).containsExactly("0000:0e:00.0", "0000:01:03.0");
        assertThat(hide.get(0).id()).isEmpty();
        assertThat(hide.get(1).id()).contains(new PciId(0x1002, 0x515e));
        assertThat(hide.get(1).location()).isEqualTo(new Location("a.yaml", 8, 9));
        VmSpec vm = h.vms().get(0);
        assertThat(vm.name()).isEqualTo("Windows Server 2012 R2");
        assertThat(vm.uuid()).contains("22eb15fb-169c-ec9b-0ad4-231dc7210376");
        assertThat(vm.pci()).containsExactly(new PciAddress(0, 1, 3, 0));
        assertThat(vm.location()).isEqualTo(new Location("a.yaml", 10, 7));
        assertThat(h.location()).isEqualTo(new Location("a.yaml", 3, 3));
    }

    @Test
    void emptyHideMeansNothingHiddenAndEmptyPciIsAManagedVmWithoutDevices() {
        HostSpec h = valid(file("a.yaml", "version: 1\nhosts:\n  h:\n    address: h.example.com\n    hide: []\n"
                + "    vms:\n      idle: {pci: []}\n")).hosts().get(0);
        assertThat(h.hide()).contains(List.of());
        assertThat(h.vms()).singleElement().satisfies(vm -> assertThat(vm.pci()).isEmpty());
    }

    @Test
    void hostsAreSortedByNameAcrossFilesAndVmsByName() {
        DesiredState s = valid(
                file("1.yaml", "version: 1\nhosts:\n  zulu: {address: 192.0.2.9}\n  alpha:\n    address: 192.0.2.1\n"
                        + "    vms:\n      web: {pci: []}\n      db: {pci: []}\n"),
                file("2.yaml", "version: 1\nhosts:\n  mike: {address: 192.0.2.5}\n"));
        assertThat(s.hosts()).extracting(HostSpec::name).containsExactly("alpha", "mike", "zulu");
        assertThat(s.host("alpha").orElseThrow().vms()).extracting(VmSpec::name).containsExactly("db", "web");
    }

    @Test
    void devicesOfAHostWithoutHideAreLeftToThePlanner() {
        valid(file("a.yaml", "version: 1\nhosts:\n  h:\n    address: sim:xcpng82\n    vms:\n      v: {pci: [01:00.0]}\n"));
    }

    @Test
    void aFewAliasesAreFine() {
        DesiredState s = valid(file("a.yaml", """
                version: 1
                hosts:
                  a:
                    address: 192.0.2.1
                    ssh: &ssh {user: ops, port: 2200}
                  b:
                    address: 192.0.2.2
                    ssh: *ssh
                """));
        assertThat(s.host("b").orElseThrow().ssh().port()).isEqualTo(2200);
    }

    @Test
    void directoryLoadsYamlAndYmlFilesDirectlyInItSortedByName() throws IOException {
        Files.writeString(dir.resolve("b.yml"), "version: 1\nhosts:\n  b: {address: 192.0.2.2}\n");
        Files.writeString(dir.resolve("a.yaml"), "version: 1\nhosts:\n  a: {address: 192.0.2.1}\n");
        Files.writeString(dir.resolve("README.md"), "not: [yaml\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/c.yaml"), "broken: [\n");
        LoadResult r = DesiredStateLoader.load(dir);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.state().orElseThrow().hosts()).extracting(HostSpec::name).containsExactly("a", "b");
        byte[] a = Files.readAllBytes(dir.resolve("a.yaml"));
        byte[] b = Files.readAllBytes(dir.resolve("b.yml"));
        assertThat(r.state().orElseThrow().digest()).as("digest over the files in name order")
                .isEqualTo(DesiredStateLoader.digest(List.of(
                        new SourceFile(dir.resolve("a.yaml").toString(), a),
                        new SourceFile(dir.resolve("b.yml").toString(), b))));
    }

    @Test
    void digestIsSha256HexAndChangesWithNameOrContent() {
        SourceFile a = file("a.yaml", "version: 1\nhosts: {}\n");
        String d = valid(a).digest();
        assertThat(d).matches("[0-9a-f]{64}").isEqualTo(valid(file("a.yaml", "version: 1\nhosts: {}\n")).digest());
        assertThat(valid(file("b.yaml", "version: 1\nhosts: {}\n")).digest()).isNotEqualTo(d);
        assertThat(valid(file("a.yaml", "version: 1\nhosts: {}\n\n")).digest()).isNotEqualTo(d);
        assertThat(valid(a).commit()).isEmpty();
    }

    @Test
    void theDigestDoesNotDependOnHowThePathIsSpelledOrOnTheGitRef() {
        String d = valid(file("desired-state/a.yaml", "version: 1\nhosts: {}\n")).digest();
        assertThat(valid(file("./desired-state/a.yaml", "version: 1\nhosts: {}\n")).digest()).isEqualTo(d);
        assertThat(valid(file("/srv/repo/desired-state/a.yaml", "version: 1\nhosts: {}\n")).digest()).isEqualTo(d);
        assertThat(valid(file("desired-state/a.yaml@3f2c1ab", "version: 1\nhosts: {}\n")).digest()).isEqualTo(d);
    }

    @Test
    void errorsOfAllFilesAreReportedTogetherAndSorted() {
        LoadResult r = DesiredStateLoader.load(List.of(
                file("b.yaml", "version: 1\nhosts:\n  b: {address: sim:wintermute, hide: [zz:00.0]}\n"),
                file("a.yaml", "version: 3\nhosts: {}\n")));
        assertThat(r.ok()).isFalse();
        assertThat(r.diagnostics()).extracting(Diagnostic::location)
                .containsExactly(new Location("a.yaml", 1, 10), new Location("b.yaml", 3, 39));
    }

    @Test
    void duplicateHostErrorNamesBothPlaces() {
        LoadResult r = DesiredStateLoader.load(List.of(
                file("a.yaml", "version: 1\nhosts:\n  h: {address: 192.0.2.1}\n"),
                file("b.yaml", "version: 1\nhosts:\n\n  h: {address: 192.0.2.2}\n")));
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.location()).isEqualTo(new Location("b.yaml", 4, 3));
            assertThat(d.message()).isEqualTo("host 'h' is defined twice");
            assertThat(d.hint()).contains("a.yaml:3:3");
        });
    }

    @Test
    void missingPathIsAnErrorAtThatPath() {
        LoadResult r = DesiredStateLoader.load(dir.resolve("nope"));
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.location()).isEqualTo(Location.ofFile(dir.resolve("nope").toString()));
            assertThat(d.message()).isEqualTo("no such file or directory");
        });
    }

    @Test
    void directoryWithoutYamlFilesIsAnError() {
        LoadResult r = DesiredStateLoader.load(dir);
        assertThat(r.diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.message()).startsWith("no *.yaml or *.yml files in directory"));
    }

    @Test
    void anOversizedFileInMemoryIsRefusedBeforeParsing() {
        byte[] big = new byte[(int) xenpt.desired.yaml.YamlReader.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '[');
        LoadResult r = DesiredStateLoader.load(List.of(new SourceFile("big.yaml", big)));
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.location()).isEqualTo(Location.ofFile("big.yaml"));
            assertThat(d.message()).contains("larger than the limit of 10 MiB");
        });
    }

    @Test
    void noFilesIsAnError() {
        LoadResult r = DesiredStateLoader.load(List.<SourceFile>of());
        assertThat(r.ok()).isFalse();
        assertThat(r.state()).isEqualTo(Optional.empty());
    }
}
