package xenpt.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import xenpt.format.journal.RebootTrace;
import xenpt.format.journal.RebootTrace.Stage;
import xenpt.format.journal.RebootTrace.TracedVm;
import xenpt.transport.TransportException;

/**
 * The progress trace of one reboot in the host journal ({@link RebootTrace}): each stage appended as a record of its
 * own before the next step, so an interrupted reboot is finished by the next apply.
 */
final class RebootTraceLog {

    private final Link link;
    private final Clock clock;
    private RebootTrace trace;

    /** Starts a trace, carrying over what an unfinished earlier one did (its disabled host, its VMs to start). */
    RebootTraceLog(Link link, Clock clock, String planId, String bootId, boolean restart, RebootTrace earlier) {
        this.link = link;
        this.clock = clock;
        RebootTrace fresh = new RebootTrace(id(), now(), planId, Stage.STARTED, bootId, false, restart, List.of(),
                List.of());
        this.trace = earlier == null ? fresh
                : fresh.withHostDisabled(earlier.hostDisabled()).withVms(earlier.shutDown(), earlier.migrated());
    }

    /** Continues an unfinished trace from an earlier apply. */
    RebootTraceLog(Link link, Clock clock, RebootTrace earlier) {
        this.link = link;
        this.clock = clock;
        this.trace = earlier;
    }

    RebootTrace trace() {
        return trace;
    }

    void stage(Stage stage) throws ApplyException, TransportException {
        trace = trace.at(stage, id(), now());
        Journal.append(link.session(), trace);
    }

    void hostDisabled(boolean disabled) {
        trace = trace.withHostDisabled(disabled);
    }

    void shutDown(TracedVm vm) {
        if (trace.shutDown().stream().noneMatch(v -> v.uuid().equals(vm.uuid()))) {
            trace = trace.withVms(append(trace.shutDown(), vm), trace.migrated());
        }
    }

    void migrated(List<TracedVm> vms) {
        trace = trace.withVms(trace.shutDown(), vms);
    }

    private static List<TracedVm> append(List<TracedVm> list, TracedVm vm) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(vm)).toList();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
