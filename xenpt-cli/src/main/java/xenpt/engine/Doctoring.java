package xenpt.engine;

import java.util.Optional;
import xenpt.desired.HostSpec;
import xenpt.observed.DoctorReads;
import xenpt.observed.ObservationException;
import xenpt.observed.ObservedHost;
import xenpt.observed.Observer;
import xenpt.plan.Doctor;
import xenpt.plan.DoctorReport;
import xenpt.transport.HostSession;
import xenpt.transport.TransportException;

/** The workflow of {@code xenpt doctor}: observe one host, read the doctor's evidence, examine. Reads only. */
public final class Doctoring {

    /** The report, or why there is none (the host is unreachable, or the VM is unknown). */
    public record Outcome(Optional<DoctorReport> report, String error) {}

    private Doctoring() {}

    public static Outcome run(Session session, HostSpec spec, Optional<String> vm) {
        try (HostSession s = Hosts.connect(spec, session)) {
            ObservedHost host = Observer.observe(s, spec.name(), spec.address(), spec.method());
            if (vm.isPresent() && !Doctor.knows(host, vm.get())) {
                return new Outcome(Optional.empty(), spec.name() + " has no VM named '" + vm.get() + "'");
            }
            return new Outcome(Optional.of(Doctor.examine(spec, host, DoctorReads.read(s), vm)), "");
        } catch (TransportException | ObservationException e) {
            return new Outcome(Optional.empty(), spec.name() + " is unreachable: " + e.getMessage());
        }
    }
}
