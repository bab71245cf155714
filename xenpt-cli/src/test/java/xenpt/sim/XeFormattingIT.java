package xenpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class XeFormattingIT {

    static final String WIN = "22eb15fb-169c-ec9b-0ad4-231dc7210376";
    static final String XOA = "5bd4e662-5b08-bd5b-896f-bc39c1f4248c";

    @RegisterExtension
    static final SimHostExtension sim = new SimHostExtension("wintermute");

    @Test
    void vmListMatchesTheWalkthroughVerbatim() throws Exception {
        var r = sim.ssh().run("xe vm-list");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
                uuid ( RO)           : d436e5d4-964c-47b1-a8b7-657f6f1cb1e3
                     name-label ( RW): Control domain on host: Wintermute
                    power-state ( RO): running


                uuid ( RO)           : 22eb15fb-169c-ec9b-0ad4-231dc7210376
                     name-label ( RW): Windows Server 2012 R2
                    power-state ( RO): running


                uuid ( RO)           : 5bd4e662-5b08-bd5b-896f-bc39c1f4248c
                     name-label ( RW): XOA 4.15 Free
                    power-state ( RO): halted


                """);
    }

    @Test
    void paramsArePrintedInRecordOrderWithMapLabelPadding() throws Exception {
        var r = sim.ssh().run("xe vm-list uuid=" + XOA + " params=other-config,power-state,name-label,uuid,bogus");
        assertThat(r.out()).isEqualTo("uuid ( RO)            : " + XOA + "\n"
                + "      name-label ( RW): XOA 4.15 Free\n"
                + "     power-state ( RO): halted\n"
                + "    other-config (MRW): base_template_name: Other install media; mac_seed:"
                + " 7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b; install-methods: cdrom,nfs,http,ftp;"
                + " xo:resource:xva:version: 4.15\n\n\n");
    }

    @Test
    void minimalPrintsFirstFieldAndEscapesCommasAndBackslashes() throws Exception {
        assertThat(sim.ssh().run("xe vm-list is-control-domain=false params=name-label,uuid --minimal").out())
                .isEqualTo(WIN + "," + XOA + "\n");
        assertThat(sim.ssh().run("xe vm-list name-label=nothing --minimal").out()).isEqualTo("\n");
        assertThat(sim.ssh().run("xe vm-list name-label=nothing").out()).isEmpty();
        assertThat(sim.ssh().run("xe vm-param-get uuid=" + XOA + " param-name=other-config param-key=install-methods"
                + " --minimal").out()).isEqualTo("cdrom\\,nfs\\,http\\,ftp\n");
        assertThat(sim.ssh().run("xe vm-param-get uuid=" + XOA + " param-name=other-config param-key=install-methods")
                .out()).isEqualTo("cdrom,nfs,http,ftp\n");
    }

    @Test
    void paramSetGetRemoveRoundTrip() throws Exception {
        assertThat(sim.ssh().run("xe vm-param-get uuid=" + WIN + " param-name=other-config param-key=pci"))
                .isEqualTo(new SshTestClient.Result(1, "", "Error: Key pci not found in map\n"));
        var set = sim.ssh().run("xe vm-param-set other-config:pci=0/0000:01:03.0,0/0000:0e:00.0 uuid=" + WIN);
        assertThat(set).isEqualTo(new SshTestClient.Result(0, "", ""));
        assertThat(sim.ssh().run("xe vm-param-get uuid=" + WIN + " param-name=other-config param-key=pci").out())
                .isEqualTo("0/0000:01:03.0,0/0000:0e:00.0\n");
        assertThat(sim.ssh().run("xe vm-list other-config:pci=0/0000:01:03.0,0/0000:0e:00.0 --minimal").out())
                .isEqualTo(WIN + "\n");
        assertThat(sim.ssh().run("xe vm-param-get uuid=" + WIN + " param-name=other-config").out())
                .endsWith("; pci: 0/0000:01:03.0,0/0000:0e:00.0\n");
        assertThat(sim.ssh().run("xe vm-param-remove param-name=other-config param-key=pci uuid=" + WIN).exit()).isZero();
        assertThat(sim.ssh().run("xe vm-param-remove param-name=other-config param-key=pci uuid=" + WIN))
                .isEqualTo(new SshTestClient.Result(1, "", "Error: Key pci is not in map\n"));
        var host = sim.ssh().run("xe host-list --minimal").out().strip();
        assertThat(sim.ssh().run("xe vm-param-set uuid=" + XOA + " affinity=" + host).exit()).isZero();
        assertThat(sim.ssh().run("xe vm-param-get uuid=" + XOA + " param-name=affinity").out()).isEqualTo(host + "\n");
        assertThat(sim.ssh().run("xe vm-param-set uuid=" + XOA + " affinity=").exit()).isZero();
    }

    @Test
    void errorsGoToStderrWithExitOne() throws Exception {
        String bad = "00000000-0000-0000-0000-000000000000";
        assertThat(sim.ssh().run("xe vm-param-get uuid=" + bad + " param-name=name-label")).isEqualTo(
                new SshTestClient.Result(1, "", "The uuid you supplied was invalid.\ntype: VM\nuuid: " + bad + "\n"));
        assertThat(sim.ssh().run("xe vm-list uuid=" + bad)).isEqualTo(new SshTestClient.Result(0, "", ""));
        assertThat(sim.ssh().run("xe pci-list")).isEqualTo(
                new SshTestClient.Result(1, "", "Unknown command: pci-list\nFor usage run: 'xe help'\n"));
        assertThat(sim.ssh().run("xe vm-param-get param-name=name-label")).isEqualTo(
                new SshTestClient.Result(1, "", "Required parameter not found: uuid\nFor usage run: 'xe help'\n"));
        assertThat(sim.ssh().run("xe vm-param-get uuid=" + WIN + " param-name=nonsense")).isEqualTo(
                new SshTestClient.Result(1, "", "Error code: Missing parameter\nError parameters: nonsense\n"));
        assertThat(sim.ssh().run("xe vm-start vm=nosuchvm").err()).isEqualTo("Error: No matching VMs found\n");
    }

    @Test
    void poolHostAndPifLists() throws Exception {
        String hostUuid = "6a3a2c7e-1f0b-4d5e-9c8a-2b1d0e3f4a5b";
        assertThat(sim.ssh().run("xe pool-list params=master --minimal").out()).isEqualTo(hostUuid + "\n");
        assertThat(sim.ssh().run("xe pif-list management=true params=device,host-uuid").out()).isEqualTo(
                "device ( RO)       : eth0\n    host-uuid ( RO): " + hostUuid + "\n\n\n");
        assertThat(sim.ssh().run("xe host-param-get uuid=" + hostUuid
                + " param-name=software-version param-key=product_version").out()).isEqualTo("7.0.0\n");
    }

    @Test
    void vmPowerTransitions() throws Exception {
        assertThat(sim.ssh().run("xe vm-start uuid=" + XOA).exit()).isZero();
        assertThat(sim.ssh().run("xe vm-param-get uuid=" + XOA + " param-name=power-state").out()).isEqualTo("running\n");
        var again = sim.ssh().run("xe vm-start uuid=" + XOA);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("expected: halted\nactual: running\n");
        assertThat(sim.ssh().run("xe vm-shutdown vm='XOA 4.15 Free'").exit()).isZero();
        assertThat(sim.ssh().run("xe vm-param-get uuid=" + XOA + " param-name=power-state").out()).isEqualTo("halted\n");
        assertThat(sim.ssh().run("xe vm-param-get uuid=" + XOA + " param-name=resident-on").out())
                .isEqualTo("<not in database>\n");
    }
}
