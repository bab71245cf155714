package xenpt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --target HOST/VM} never leaves the VM holding a device that the boot configuration does not hide: the host's
 * hide change is pulled in, or the plan is refused with exit 1 and nothing changed. Targeting warns on stderr.
 */
class TargetGuardsIT {

    static final String WINDOWS = "22eb15fb-169c-ec9b-0ad4-231dc7210376";

    @TempDir
    Path dir;

    /**
     * The facts a plan of {@code file} records for {@code host}, by field ({@code boot-hide-list}) or VM name and field
     * ({@code vm 'htpc' other-config:pci}).
     */
    private Map<String, Object> facts(Path file, String host) {
        Cli.Result r = Cli.run(dir, "-o", "json", "plan", "-f", file.toString(), "--target", host);
        JSONArray facts = new JSONObject(r.out()).getJSONArray("hosts").getJSONObject(0).getJSONArray("facts");
        Map<String, Object> out = new TreeMap<>();
        for (int i = 0; i < facts.length(); i++) {
            JSONObject f = facts.getJSONObject(i);
            assertThat(f.getString("host")).isEqualTo(host);
            String vm = f.isNull("vm_name") ? "" : "vm '" + f.getString("vm_name") + "' ";
            out.put(vm + f.getString("field"), f.getString("value"));
        }
        return out;
    }

    @Test
    void aVmTargetPullsInTheHostsHideChangeSoTheVmNeverHoldsADeviceDom0Drives() {
        String htpc = "xs71-uefi/htpc";
        Cli.Result r = Cli.run(dir, "apply", "-f", "examples/fleet", "--target", htpc, "--auto-approve");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains("warning: resource targeting is in effect (--target xs71-uefi/htpc): the result"
                + " is partial", "xenpt plan -f examples/fleet");
        assertThat(r.out()).contains("done    hide xs71-uefi", "done    assign xs71-uefi/htpc");

        Map<String, Object> facts = facts(Path.of("examples/fleet"), "xs71-uefi");
        assertThat(facts.get("boot-hide-list").toString()).contains("0000:0b:00.0", "0000:0b:00.1");
        assertThat(facts.get("vm 'htpc' other-config:pci")).isEqualTo("0/0000:0b:00.0,0/0000:0b:00.1");
        assertThat(dir.resolve("wintermute")).as("hosts not targeted are not contacted").doesNotExist();
    }

    @Test
    void aVmTargetWhoseHideChangeWouldStrandAnotherVmsDeviceIsRefusedAndChangesNothing() throws Exception {
        Path before = dir.resolve("before.yaml");
        Files.writeString(before, """
                version: 1
                hosts:
                  wintermute:
                    address: sim:wintermute
                    hide: [0e:00.0]
                    vms:
                      XOA 4.15 Free:
                        pci: [0e:00.0]
                """);
        Cli.Result setup = Cli.run(dir, "apply", "-f", before.toString(), "--auto-approve");
        assertThat(setup.exit()).as(setup.toString()).isZero();
        Path after = dir.resolve("after.yaml");
        Files.writeString(after, """
                version: 1
                hosts:
                  wintermute:
                    address: sim:wintermute
                    hide: [01:03.0]
                    vms:
                      Windows Server 2012 R2:
                        pci: [01:03.0]
                      XOA 4.15 Free:
                        pci: []
                """);
        Map<String, Object> factsBefore = facts(after, "wintermute");

        Cli.Result r = Cli.run(dir, "apply", "-f", after.toString(), "--target", "wintermute/Windows Server 2012 R2",
                "--auto-approve");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("would apply part of the changes of wintermute and leave 0000:0e:00.0 assigned to"
                + " VM 'XOA 4.15 Free' but not hidden at boot");
        assertThat(r.err()).contains("the plan failed; nothing was applied", "resource targeting is in effect");
        assertThat(facts(after, "wintermute")).isEqualTo(factsBefore);

        Cli.Result both = Cli.run(dir, "apply", "-f", after.toString(), "--target", "wintermute/Windows Server 2012 R2",
                "--target", "wintermute/XOA 4.15 Free", "--auto-approve");
        assertThat(both.exit()).as(both.toString()).isZero();
        Map<String, Object> facts = facts(after, "wintermute");
        assertThat(facts.get("boot-hide-list")).isEqualTo("(0000:01:03.0)");
        assertThat(facts.get("vm 'Windows Server 2012 R2' other-config:pci")).isEqualTo("0/0000:01:03.0");
        assertThat(facts.get("vm 'XOA 4.15 Free' other-config:pci")).isEqualTo("");
    }
}
