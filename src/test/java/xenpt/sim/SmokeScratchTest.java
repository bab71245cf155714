package xenpt.sim;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeScratchTest {
    @TempDir Path dir;

    @Test
    void scratch() throws Exception {
        try (SimulatedHost h = SimulatedHost.start("wintermute", dir.resolve("w"));
                SshTestClient c = new SshTestClient(h)) {
            for (String cmd : new String[] {"cat /etc/xensource-inventory", "xe vm-list", "lspci -D -vmm -nn -k",
                "lspci", "lspci -nn", "lspci -mm", "ls /sys/bus/pci/drivers/pciback", "ls -l /sys/class/net",
                "ls -l /dev/disk/by-id", "ls -l /sys/block", "cat /proc/cmdline",
                "xe vm-list is-control-domain=false params=uuid,name-label,power-state,resident-on,affinity,other-config",
                "xe pool-list params=master --minimal", "xe pif-list management=true params=device,host-uuid",
                "xe pci-list", "/opt/xensource/libexec/xen-cmdline --get-dom0 xen-pciback.hide",
                "readlink -f /sys/class/net/eth0", "foo", "xe vm-param-list uuid=22eb15fb-169c-ec9b-0ad4-231dc7210376"}) {
                var r = c.run(cmd);
                System.out.println("$ " + cmd + "  [exit " + r.exit() + "]\n" + r.out() + (r.err().isEmpty() ? "" : "STDERR: " + r.err()));
            }
        }
    }
}
