package xenpt.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every shipped desired-state file is valid, and the walk-through examples say what the documentation says. */
class ExamplesTest {

    /** Every *.yaml/*.yml directly in examples/ and examples/fleet/, and desired-state/, file by file. */
    static Stream<Path> shippedFiles() throws IOException {
        Stream.Builder<Path> all = Stream.builder();
        for (String dir : List.of("examples", "examples/fleet", "desired-state")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                        .forEach(all::add);
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedFiles")
    void shippedDesiredStateFileIsValid(Path file) {
        LoadResult r = DesiredStateLoader.load(file);
        assertThat(r.diagnostics()).as(file.toString()).isEmpty();
        assertThat(r.ok()).isTrue();
    }

    @Test
    void wintermuteExampleIsTheWalkThrough() {
        DesiredState s = DesiredStateLoader.load(Path.of("examples/wintermute.yaml")).state().orElseThrow();
        HostSpec h = s.host("wintermute").orElseThrow();
        assertThat(h.address()).isEqualTo("sim:wintermute");
        assertThat(h.policy()).isEqualTo(Policy.DEFAULT);
        assertThat(h.hide().orElseThrow()).extracting(e -> e.address().toString(), e -> e.id().map(PciId::toString).orElse(""))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0000:0e:00.0", ""),
                        org.assertj.core.groups.Tuple.tuple("0000:01:03.0", "1002:515e"));
        assertThat(h.vms()).singleElement().satisfies(vm -> {
            assertThat(vm.name()).isEqualTo("Windows Server 2012 R2");
            assertThat(vm.uuid()).contains("22eb15fb-169c-ec9b-0ad4-231dc7210376");
            assertThat(vm.pci()).extracting(PciAddress::toString).containsExactly("0000:01:03.0");
        });
    }

    @Test
    void gpuHostPassesAllFourFunctionsToOneVm() {
        DesiredState s = DesiredStateLoader.load(Path.of("examples/gpu-host.yaml")).state().orElseThrow();
        HostSpec h = s.hosts().get(0);
        assertThat(h.address()).isEqualTo("sim:xcpng82");
        List<String> functions = List.of("0000:01:00.0", "0000:01:00.1", "0000:01:00.2", "0000:01:00.3");
        assertThat(h.hide().orElseThrow()).extracting(e -> e.address().toString()).containsExactlyElementsOf(functions);
        assertThat(h.vms()).singleElement().satisfies(vm -> {
            assertThat(vm.name()).isEqualTo("win10-gpu");
            assertThat(vm.pci()).extracting(PciAddress::toString).containsExactlyElementsOf(functions);
        });
    }

    @Test
    void fleetSpansSeveralFilesAndEverySimulatorScenario() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples/fleet"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".yaml")).count()).isGreaterThanOrEqualTo(2);
        }
        DesiredState s = DesiredStateLoader.load(Path.of("examples/fleet")).state().orElseThrow();
        assertThat(s.hosts()).extracting(HostSpec::address).contains(
                "sim:wintermute", "sim:xs71-uefi", "sim:xcpng82", "sim:xcpng83", "sim:xs65");
    }

    @Test
    void repositoryDesiredStateLoadsAsADirectory() {
        LoadResult r = DesiredStateLoader.load(Path.of("desired-state"));
        assertThat(r.state().orElseThrow().host("wintermute")).isPresent();
    }
}
