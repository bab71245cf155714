package xenpt.plan;

import java.util.List;
import xenpt.desired.DesiredState;
import xenpt.desired.Policy;
import xenpt.observed.Observation;
import xenpt.observed.PowerState;


/**
 * The realistic inputs of the walk-through (reference/walkthrough.md): {@code wintermute} hides 0e:00.0 and 01:03.0
 * and gives the ES1000 to "Windows Server 2012 R2"; plus a host with mistakes and an unreachable one.
 */
public final class Walkthrough {

    public static final String WINTERMUTE = "b2c5f0de-6a3e-4c41-9d1a-2f4e8c7b9a10";
    public static final String NEUROMANCER = "0f3a7c2e-9b14-4d8e-a6c5-71e2d9f04b3a";
    public static final String WINDOWS = "22eb15fb-169c-ec9b-0ad4-231dc7210376";
    public static final String XOA = "5bd4e662-5b08-bd5b-896f-bc39c1f4248c";

    private Walkthrough() {}

    /** wintermute as the procedure found it: nothing hidden, no VM has pci. */
    public static Fixtures.ObsB wintermute() {
        return Fixtures.observed("wintermute", WINTERMUTE)
                .address("192.0.2.10")
                .device("0000:00:1f.2", "8086:2922", "0106", "SATA controller", "Intel Corporation",
                        "82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode]", "ahci")
                .device("0000:01:03.0", "1002:515e", "0300", "VGA compatible controller",
                        "Advanced Micro Devices, Inc. [AMD/ATI]", "ES1000", "radeon")
                .nic("0000:0d:00.0", "e1000e")
                .nic("0000:0e:00.0", "e1000e")
                .management("0000:0d:00.0")
                .rootDisk("0000:00:1f.2")
                .vmHere(WINDOWS, "Windows Server 2012 R2", PowerState.RUNNING, false, null)
                .vmHere(XOA, "XOA 4.15 Free", PowerState.HALTED, false, null);
    }

    /** wintermute after the walk-through was applied and the host rebooted. */
    public static Fixtures.ObsB converged() {
        return Fixtures.observed("wintermute", WINTERMUTE).address("192.0.2.10")
                .device("0000:00:1f.2", "8086:2922", "0106", "SATA controller", "Intel Corporation", "ICH9R SATA", "ahci")
                .device("0000:01:03.0", "1002:515e", "0300", "VGA compatible controller", "AMD/ATI", "ES1000", "pciback")
                .nic("0000:0d:00.0", "e1000e").nic("0000:0e:00.0", "pciback")
                .management("0000:0d:00.0").rootDisk("0000:00:1f.2")
                .hidden("(0e:00.0)(01:03.0)")
                .vm(WINDOWS, "Windows Server 2012 R2", PowerState.RUNNING, WINTERMUTE, WINTERMUTE, "0/0000:01:03.0")
                .vmHere(XOA, "XOA 4.15 Free", PowerState.HALTED, false, null);
    }

    public static Fixtures.HostB wintermuteDesired() {
        return Fixtures.host("wintermute")
                .address("192.0.2.10")
                .hide("0000:0e:00.0")
                .hidePinned("01:03.0", "1002:515e")
                .vmWithUuid("Windows Server 2012 R2", WINDOWS, "01:03.0");
    }

    /** An XCP-ng host whose desired state hides its management NIC and names a VM that does not exist. */
    public static Fixtures.ObsB neuromancer() {
        return Fixtures.observed("neuromancer", NEUROMANCER)
                .address("192.0.2.11")
                .device("0000:01:00.0", "10de:1b81", "0300", "VGA compatible controller", "NVIDIA Corporation",
                        "GP104 [GeForce GTX 1070]", "nouveau")
                .device("0000:01:00.1", "10de:10f0", "0403", "Audio device", "NVIDIA Corporation",
                        "GP104 High Definition Audio Controller", "snd_hda_intel")
                .nic("0000:0d:00.0", "igb")
                .management("0000:0d:00.0")
                .vm("9a1c3e5f-2b4d-4f60-8e7a-0c1d2e3f4a5b", "db1", PowerState.RUNNING, NEUROMANCER, NEUROMANCER, null);
    }

    public static Fixtures.HostB neuromancerDesired() {
        return Fixtures.host("neuromancer")
                .address("192.0.2.11")
                .policy(Policy.Mode.AUTO, Policy.Mode.MANUAL, false)
                .hide("0000:01:00.0", "0000:0d:00.0")
                .vm("gpu-worker", "01:00.0");
    }

    public static DesiredState desired() {
        return Fixtures.desired(wintermuteDesired(), neuromancerDesired(),
                Fixtures.host("straylight").address("192.0.2.12").hide());
    }

    public static List<Observation> observed() {
        return List.of(wintermute().reached(), neuromancer().reached(),
                Fixtures.unreachable("straylight", "192.0.2.12", "connect timed out after 10 s"));
    }

    /** wintermute alone, as the procedure's plan. */
    public static DesiredState wintermuteOnly() {
        return Fixtures.desired(wintermuteDesired());
    }
}
