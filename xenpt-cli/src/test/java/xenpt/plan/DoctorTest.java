package xenpt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import xenpt.observed.DoctorReads.Evidence;
import xenpt.observed.ObservedHost;
import xenpt.observed.PowerState;

/** The doctor's VM scoping in a pool, where every member lists every VM and devices repeat across members. */
class DoctorTest {

    static final String HERE = "a1b2c3d4-0000-4000-8000-000000000001";
    static final String OTHER = "d1e2f3a4-0000-4000-8000-000000000002";
    static final String VM = "9a1c3e5f-2b4d-4f60-8e7a-0c1d2e3f4a5b";
    static final Evidence QUIET = new Evidence("", "", "virt_caps              : hvm hvm_directio\n", "", "");

    private static ObservedHost gpuHost(String affinity, String residentOn, PowerState power) {
        return Fixtures.observed("gpu1", HERE)
                .device("0000:0b:00.0", "10de:1b81", "0300", "VGA compatible controller", "NVIDIA", "GP104", "pciback")
                .hidden("(0000:0b:00.0)")
                .vm(VM, "render", power, affinity, residentOn, "0/0000:0b:00.0").build();
    }

    private static java.util.List<String> kinds(DoctorReport r) {
        return r.findings().stream().map(f -> f.kind().word() + " " + f.subject()).toList();
    }

    @Test
    void aVmPinnedToAnotherMemberIsThatMembersBusiness() {
        DoctorReport r = Doctor.examine(Fixtures.host("gpu1").build(), gpuHost(OTHER, OTHER, PowerState.RUNNING), QUIET,
                Optional.empty());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void aVmTheDesiredStatePutsHereButPinnedElsewhereIsReported() {
        DoctorReport r = Doctor.examine(Fixtures.host("gpu1").vmWithUuid("render", VM, "0b:00.0").build(),
                gpuHost(OTHER, "", PowerState.HALTED), QUIET, Optional.empty());
        assertThat(kinds(r)).containsExactly("not-pinned vm 'render'");
        assertThat(r.findings().get(0).problem()).contains("pinned to host " + OTHER + ", not to gpu1");
        assertThat(r.findings().get(0).command()).contains(java.util.List.of("xe", "vm-param-set", "uuid=" + VM,
                "affinity=" + HERE));
    }

    @Test
    void aHaltedUnpinnedVmMayStartAnywhereSoItIsReported() {
        DoctorReport r = Doctor.examine(Fixtures.host("gpu1").build(), gpuHost("", "", PowerState.HALTED), QUIET,
                Optional.empty());
        assertThat(kinds(r)).containsExactly("not-pinned vm 'render'");
        assertThat(r.findings().get(0).problem()).contains("is not pinned");
    }

    @Test
    void aHealthyPinnedVmHasNoFinding() {
        DoctorReport r = Doctor.examine(Fixtures.host("gpu1").build(), gpuHost(HERE, HERE, PowerState.RUNNING), QUIET,
                Optional.empty());
        assertThat(r.healthy()).isTrue();
    }

    @Test
    void pcibackEvidenceComesFromKernLogWhenTheRingBufferNoLongerHasIt() {
        String line = "Dec  1 10:00:01 gpu1 kernel: [    1.861203] xen_pciback: Error parsing pci_devs_to_hide at \"(0b::00.1)\"";
        ObservedHost h = Fixtures.observed("gpu1", HERE)
                .device("0000:0b:00.0", "10de:1b81", "0300", "VGA compatible controller", "NVIDIA", "GP104", "nouveau")
                .hidden("(0000:0b:00.0)(0b::00.1)").pciback(false).build();
        DoctorReport r = Doctor.examine(Fixtures.host("gpu1").build(), h,
                new Evidence("[    0.000000] Command line: ro\n", line + "\n", "", "", ""), Optional.empty());
        assertThat(kinds(r)).containsExactly("pciback-not-loaded gpu1");
        assertThat(r.findings().get(0).evidence()).isEqualTo(line);
        assertThat(r.findings().get(0).fix()).contains("(0000:0b:00.0)(0000:0b:00.1)");
    }
}
