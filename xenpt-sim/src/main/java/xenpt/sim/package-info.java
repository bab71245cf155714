/**
 * The simulated hosts: a real SSH server (Apache MINA SSHD) on loopback per host, a command layer that answers the way
 * XenServer / XCP-ng dom0 tools do (xe, lspci, xen-cmdline, coreutils; formats from the reference, never from xenpt's
 * own parsers or renderers), an SFTP view of the same file tree, state persisted in a directory, reboots and fault
 * injection. No shell ever runs: an exec line is split into argv ({@code ShellWords}), and an
 * {@code sh -c} script (xenpt's read scripts) is run by {@code ShellScript} for the few POSIX constructs it uses,
 * anything else being a syntax error; like a shell it does not wait for the end of stdin, and what it printed before
 * a {@code read} reaches the client first ({@code Stdin}). {@link xenpt.sim.Traffic} counts connections, exec channels and commands. Entry points: {@link xenpt.sim.SimulatedHost}; {@link xenpt.sim.SimulatedFleet} for many generated hosts
 * on one server ({@code sim serve --hosts N}).
 *
 * <p>State directory ({@code $XENPT_SIM_DIR/<scenario>} or {@code ./.xenpt/sim/<scenario>}): {@code scenario.yaml}
 * (the host's description, copied at creation), {@code root/} (the host's files; {@code /proc}, {@code /sys} and
 * {@code /dev/disk/by-id} are materialised there from the state), {@code state.json} (VMs, kernel line, boot id,
 * pciback), {@code faults.json}, {@code lock}, the host key, {@code client_key}(.pub) and {@code authorized_keys}.
 *
 * <p>Scenario schema ({@code examples/sim/<name>.yaml}; every scalar is read as a string):
 * <pre>
 * base: doctor-healthy             # optional: a variant; its top-level keys replace the base scenario's, whole
 * name-label: Wintermute            # host name-label; dom0 is "Control domain on host: &lt;name-label&gt;"
 * address: 192.0.2.10               # host address field (the SSH server itself always listens on 127.0.0.1)
 * pool-uuid: …                      # optional; derived from the host uuid when absent (a pool: the master's)
 * pool:                             # optional: this host is a member of a pool (see Pool): one VM table for all
 *   name: lab                       #   members in &lt;state dir&gt;/../pool-lab/; each member its own state directory
 *   master: lab-a                   #   the member scenario that is the master (default: the first member)
 *   members: [lab-a, lab-b]         #   every member's scenario (built-in names, or files beside this one)
 *   ha-enabled: true                #   optional: HA is enabled on the pool (xe pool-list ha-enabled)
 * reboot-delay-ms: 1000             # how long a reboot keeps the host away
 * pool-other-config: {auto_poweron: "true"}   # optional: the pool's other-config (a pool's: the master's)
 * xen-cmdline: true|false           # whether /opt/xensource/libexec/xen-cmdline exists
 * pci-api: true|false               # whether xe has pci-list / pci-*-dom0-access (xapi &gt;= 24.14)
 * iommu: true|false                 # whether Xen enabled an IOMMU (default true; xl info, xl dmesg, VM start)
 * inventory:                        # /etc/xensource-inventory, KEY: value in file order; must hold
 *   INSTALLATION_UUID: …            #   INSTALLATION_UUID (host uuid), CONTROL_DOMAIN_UUID, PRODUCT_BRAND,
 *   …                               #   PRODUCT_VERSION
 * software-version: {…}             # the host's software-version map, in xe's order
 * files:                            # initial files: absolute path → content (the boot configuration goes here)
 *   /boot/grub/grub.cfg: |
 *     …
 * links:                            # optional symbolic links: path → relative target (ln -s TARGET PATH)
 *   /boot/grub/grub.cfg: ../grub2/grub.cfg
 * devices:                          # lspci, in bus order
 *   - slot: 0000:01:03.0            # dddd:bb:dd.f
 *     bridge: 0000:00:1e.0          # sysfs parent bridge(s) below pci0000:00 ("a/b" for nested); "" on bus 00
 *     class: 0300 VGA compatible controller    # "&lt;id&gt; &lt;name&gt;" (name optional) for class, vendor, device,
 *     vendor: 1002 Advanced Micro Devices, Inc. [AMD/ATI]   # svendor, sdevice
 *     device: 515e ES1000
 *     svendor: 1028 Dell            # optional subsystem
 *     sdevice: 0235                 # a missing name prints as "Device 0235"
 *     rev: "02"                     # optional, hex; progif likewise
 *     driver: radeon                # dom0 driver bound at boot (optional)
 *     modules: radeon               # comma-separated kernel modules (optional)
 *     flr: "+"                      # PCI Express endpoint with (+) or without (-) FLR (lspci -vv DevCap); absent: PCI
 * nics:                             # physical NICs: dom0 name, PCI function, MAC, management flag, IP
 *   - {name: eth0, pci: 0000:0d:00.0, mac: …, management: true, ip: 192.0.2.10}
 * disks:                            # block devices: controller function, sysfs path below it, by-id names
 *   - {name: sda, controller: 0000:03:00.0, path: host0/target0:2:0/0:2:0:0, partitions: 3, ids: [scsi-…]}
 * vms:                              # besides dom0
 *   - uuid: …
 *     name-label: …
 *     power-state: running|halted   # running VMs are started at the host's first boot
 *     memory-mib: 4096              # optional; vcpus, affinity (host uuid) and name-description likewise
 *     other-config: {k: v, …}       # kept in order
 *     ha-restart-priority: restart  # optional: protected by HA (with the pool's ha-enabled)
 *     clean-shutdown: hangs         # optional: the guest ignores a clean shutdown (xe vm-shutdown times out)
 *     pci-set-while-running: true   # started before other-config:pci was set: the domain holds none of it
 * </pre>
 */
package xenpt.sim;
