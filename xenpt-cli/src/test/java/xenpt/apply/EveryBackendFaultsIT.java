package xenpt.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static xenpt.apply.BootFileSamples.devices;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xenpt.desired.PciAddress;
import xenpt.observed.BootConfig;
import xenpt.observed.ObservedHost;
import xenpt.sim.Faults;
import xenpt.transport.TransportException;

/**
 * Acceptance for boot-file faults: the simulator's fault injection at every writing step of every backend (grub on the
 * symlinked walk-through host, extlinux, xen-cmdline, xapi). After each fault the boot file is byte for byte the old or
 * the new content, GRUB still parses it (grub-script-check) where it is a grub.cfg, no temporary file is left, every
 * backup is the old file, and the next apply converges.
 */
class EveryBackendFaultsIT {

    /** One simulated host per scenario for the whole class, put back to its first boot file before each case. */
    @TempDir
    static Path dir;

    private static final Map<String, BackendSimHost> HOSTS = new HashMap<>();
    private static final Map<String, String> FIRST = new HashMap<>();
    private static final Map<String, String> TARGET = new HashMap<>();

    @AfterAll
    static void stopHosts() {
        HOSTS.values().forEach(BackendSimHost::close);
    }

    interface Fault {
        void set(Faults faults) throws Exception;
    }

    record Backend(String scenario, Set<PciAddress> hide) {
        @Override
        public String toString() {
            return scenario;
        }
    }

    static final Backend GRUB = new Backend("wintermute-symlink", devices("01:03.0", "0e:00.0"));
    static final Backend EXTLINUX = new Backend("xs65", devices("01:03.0"));
    static final Backend XEN_CMDLINE = new Backend("xcpng82", devices("01:00.0", "01:00.1", "01:00.2", "01:00.3"));
    static final Backend XAPI = new Backend("xcpng83", devices("0b:00.0", "0b:00.1"));
    /** One device: one xapi call. A connection lost between two calls leaves the devices before it changed (a valid
     * file that the next apply completes), since xapi has no call for several devices at once. */
    static final Backend XAPI_ONE = new Backend("xcpng83", devices("0b:00.0"));

    static Stream<Arguments> faults() {
        List<Arguments> out = new ArrayList<>();
        failAndDrop(out, GRUB, "^readlink -f ", 1);
        for (Backend b : List.of(GRUB, EXTLINUX)) {
            for (String step : List.of("^cp -p ", "^sftp-write .*xenpt-tmp", "^mv ", "^cat /boot/(grub/grub\\.cfg|extlinux\\.conf)$")) {
                failAndDrop(out, b, step, 1);
            }
            out.add(arguments(b, "disk fills at the temporary file", (Fault) f -> f.fillBootDiskAt("^sftp-write .*xenpt-tmp", 1)));
            out.add(arguments(b, "disk full", (Fault) f -> f.bootDiskFull(true)));
        }
        for (String step : List.of("^readlink -f ", "^cp -p ", "xen-cmdline --set-dom0", "^xen-cmdline-write ")) {
            failAndDrop(out, XEN_CMDLINE, step, 1);
        }
        failAndDrop(out, XEN_CMDLINE, "xen-cmdline --get-dom0", 2);
        out.add(arguments(XEN_CMDLINE, "disk fills at --set-dom0", (Fault) f -> f.fillBootDiskAt("xen-cmdline --set-dom0", 1)));
        for (String step : List.of("^cp -p ", "pci-disable-dom0-access")) failAndDrop(out, XAPI, step, 1);
        out.add(fail(XAPI, "^xen-cmdline-write ", 1));
        out.add(drop(XAPI_ONE, "^xen-cmdline-write ", 1));
        out.add(fail(XAPI, "pci-disable-dom0-access", 2));
        out.add(fail(XAPI, "^xen-cmdline-write ", 2));
        out.add(drop(XAPI, "^xen-cmdline-write ", 2));
        out.add(fail(XAPI, "pci-get-dom0-access-status", 1));
        out.add(arguments(XAPI, "disk fills at the second device", (Fault) f -> f.fillBootDiskAt("pci-disable-dom0-access", 2)));
        return out.stream();
    }

    private static void failAndDrop(List<Arguments> out, Backend b, String step, int nth) {
        out.add(fail(b, step, nth));
        out.add(drop(b, step, nth));
    }

    private static Arguments fail(Backend b, String step, int nth) {
        return arguments(b, "fails at " + step + " #" + nth, (Fault) f -> f.failAt(step, nth, "Input/output error"));
    }

    private static Arguments drop(Backend b, String step, int nth) {
        return arguments(b, "drops at " + step + " #" + nth, (Fault) f -> f.dropAt(step, nth));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("faults")
    void afterAFaultTheBootFileIsOldOrNewAndTheNextApplyConverges(Backend b, String label, Fault fault) throws Exception {
        BackendSimHost host = fresh(b.scenario());
        ObservedHost observed = host.observe();
        String path = observed.boot().path();
        String old = host.file(path);
        fault.set(host.sim.faults());

        Throwable thrown = catchThrowable(() -> host.apply(observed, b.hide()));

        host.sim.faults().clear();
        if (thrown instanceof TransportException) host.reconnect();
        String mid = host.file(path);
        host.apply(b.hide());
        String converged = host.file(path);
        assertThat(host.observe().boot().hide().devices()).isEqualTo(b.hide());
        assertThat(mid).as("boot file after the fault (%s)", thrown).isIn(old, converged);
        if (thrown != null) {
            assertThat(thrown).isInstanceOfAny(ApplyException.class, TransportException.class)
                    .hasMessageStartingWith(b.scenario() + ": ");
            if (label.contains("disk f")) assertThat(thrown).hasMessageContaining("is full");
        }
        if (observed.boot().format() == BootConfig.Format.GRUB) {
            GrubScriptCheck.assertParses(mid, dir);
            GrubScriptCheck.assertParses(converged, dir);
        }
        String folder = TARGET.get(b.scenario()).substring(0, TARGET.get(b.scenario()).lastIndexOf('/'));
        for (String name : host.list(folder)) {
            assertThat(name).as("left in " + folder).doesNotEndWith(BootFileWriter.TMP_SUFFIX);
            if (name.contains(".xenpt-")) assertThat(host.file(folder + "/" + name)).as(name).isEqualTo(old);
        }
    }

    /** The scenario's host with no fault, its first boot file back in place and no backup beside it. */
    private static BackendSimHost fresh(String scenario) throws Exception {
        BackendSimHost host = HOSTS.get(scenario);
        if (host == null) {
            host = BackendSimHost.start(scenario, dir);
            HOSTS.put(scenario, host);
            String path = host.observe().boot().path();
            FIRST.put(scenario, host.file(path));
            TARGET.put(scenario, host.run("readlink", "-f", path).stdout().strip());
        }
        // The previous case ended on a new connection with every fault cleared.
        String target = TARGET.get(scenario);
        host.session().writeFile(target, FIRST.get(scenario).getBytes(StandardCharsets.UTF_8), 0644);
        String folder = target.substring(0, target.lastIndexOf('/'));
        for (String name : host.list(folder)) {
            if (name.contains(".xenpt-")) host.run("rm", "-f", folder + "/" + name);
        }
        return host;
    }

}
