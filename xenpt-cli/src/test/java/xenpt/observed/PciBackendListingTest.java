package xenpt.observed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import xenpt.desired.PciAddress;
import xenpt.transport.CommandResult;

/** {@code xenpt-sim}-independent samples of {@code xenstore-ls -f /local/domain/0/backend/pci} (docs/attachment.md). */
class PciBackendListingTest {

    static final String HOST = "4c2a8e1f-9b3d-4a5c-8e7f-6d5c4b3a2f10";

    private static CommandResult ok(String out) {
        return new CommandResult(PciBackendListing.COMMAND, 0, out, "");
    }

    /** libxl's backend (xenopsd before CP-30136 ran xl pci-attach): every key of libxl__create_pci_backend. */
    static final String LIBXL = """
            /local/domain/0/backend/pci/3 = ""
            /local/domain/0/backend/pci/3/0 = ""
            /local/domain/0/backend/pci/3/0/frontend-id = "3"
            /local/domain/0/backend/pci/3/0/online = "1"
            /local/domain/0/backend/pci/3/0/state = "4"
            /local/domain/0/backend/pci/3/0/domain = "Windows Server 2012 R2"
            /local/domain/0/backend/pci/3/0/key-0 = "0000:01:03.0"
            /local/domain/0/backend/pci/3/0/dev-0 = "0000:01:03.0"
            /local/domain/0/backend/pci/3/0/vdevfn-0 = "28"
            /local/domain/0/backend/pci/3/0/opts-0 = "msitranslate=0,power_mgmt=0,permissive=0"
            /local/domain/0/backend/pci/3/0/state-0 = "4"
            /local/domain/0/backend/pci/3/0/num_devs = "1"
            """;

    /** xenopsd's own backend (8.1 on): only dev-N, N the guest slot. */
    static final String XENOPSD = """
            /local/domain/0/backend/pci/7 = ""
            /local/domain/0/backend/pci/7/0 = ""
            /local/domain/0/backend/pci/7/0/dev-8 = "0000:0b:00.0"
            /local/domain/0/backend/pci/7/0/dev-9 = "0000:0b:00.1"
            /local/domain/0/backend/pci/12 = ""
            /local/domain/0/backend/pci/12/0 = ""
            /local/domain/0/backend/pci/12/0/dev-8 = "0000:05:00.0"
            """;

    @Test
    void libxlBackendGivesTheDevicesOfEachDomain() {
        assertThat(PciBackendListing.parse(ok(LIBXL))).contains(Map.of(3L, Set.of(PciAddress.parse("0000:01:03.0"))));
    }

    @Test
    void xenopsdBackendGivesTheDevicesOfEachDomain() {
        assertThat(PciBackendListing.parse(ok(XENOPSD))).contains(Map.of(
                7L, Set.of(PciAddress.parse("0000:0b:00.0"), PciAddress.parse("0000:0b:00.1")),
                12L, Set.of(PciAddress.parse("0000:05:00.0"))));
    }

    @Test
    void anAbsentDirectoryMeansNoDomainHoldsADeviceAndOtherFailuresMeanUnknown() {
        CommandResult absent = new CommandResult(PciBackendListing.COMMAND, 1, "",
                "xenstore-ls: xs_directory (/local/domain/0/backend/pci): No such file or directory\n");
        assertThat(PciBackendListing.parse(absent)).contains(Map.of());
        CommandResult noTool = new CommandResult(PciBackendListing.COMMAND, 127, "", "sh: xenstore-ls: command not found\n");
        assertThat(PciBackendListing.parse(noTool)).isEmpty();
    }

    @Test
    void onlyVmsRunningHereGetTheirDomainsDevices() {
        VmRecord here = new VmRecord("a", "here", PowerState.RUNNING, HOST, HOST, Optional.of("0/0000:0b:00.0"),
                List.of(PciAddress.parse("0b:00.0")), 7, Optional.empty());
        VmRecord elsewhere = new VmRecord("b", "elsewhere", PowerState.RUNNING, "other", "", Optional.empty(), List.of(), 7,
                Optional.empty());
        VmRecord halted = new VmRecord("c", "halted", PowerState.HALTED, "", "", Optional.empty(), List.of(), -1,
                Optional.empty());
        List<VmRecord> out = PciBackendListing.attach(List.of(here, elsewhere, halted), HOST,
                PciBackendListing.parse(ok(XENOPSD)));
        assertThat(out.get(0).attached()).contains(Set.of(PciAddress.parse("0b:00.0"), PciAddress.parse("0b:00.1")));
        assertThat(out.get(1).attached()).isEmpty();
        assertThat(out.get(2).attached()).isEmpty();
    }
}
