package xenpt.sim;

/**
 * What the boot script {@code xapi-autostart-vms} does once xapi is up (xapi {@code scripts/xapi-autostart-vms}): when
 * the pool's {@code other-config:auto_poweron} is {@code true}, {@code xe vm-start other-config:auto_poweron=true
 * power-state=halted … --multiple}, best effort (errors ignored). The simulator starts such VMs on the booting host when
 * their affinity is that host or empty (xapi would place the others on their own hosts).
 */
final class Autostart {

    private Autostart() {}

    static HostState atBoot(HostContext ctx, HostState booted) throws java.io.IOException {
        if (!"true".equals(ctx.pool().master().poolOtherConfig().get("auto_poweron"))) return booted;
        String here = ctx.scenario().hostUuid();
        HostState st = booted;
        for (Vm v : booted.vms()) {
            if (v.controlDomain() || !v.powerState().equals("halted")
                    || !"true".equals(v.otherConfig().get("auto_poweron"))) continue;
            if (!v.affinity().isEmpty() && !v.affinity().equals(here)) continue;
            VmPower.Result r = VmPower.start(ctx, st, v.uuid());
            if (r.error() == null) st = r.state();
        }
        return st;
    }
}
