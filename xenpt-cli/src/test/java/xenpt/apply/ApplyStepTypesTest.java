package xenpt.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import xenpt.observed.ObservationException;
import xenpt.transport.Command;
import xenpt.transport.CommandResult;
import xenpt.transport.TransportException;

/** Apply steps are a closed type whose labels are the step names the report prints; failures are typed. */
class ApplyStepTypesTest {

    @Test
    void stepKindsLabelTheStepsAsTheReportNamesThem() {
        assertThat(StepKind.Phase.LOCK.label()).isEqualTo("lock");
        assertThat(StepKind.Phase.CHECK_PLAN.label()).isEqualTo("check plan");
        assertThat(StepKind.Phase.JOURNAL.label()).isEqualTo("journal");
        assertThat(StepKind.Phase.UNLOCK.label()).isEqualTo("unlock");
        assertThat(HostResult.REACH).isEqualTo("reach");
        StepKind assign = new StepKind.Perform(ApplyValuesTest.ASSIGN);
        assertThat(assign.label()).isEqualTo("assign wintermute/Windows \"2012\"");
        Step step = new Step(assign, Step.State.DONE, "");
        assertThat(step.name()).isEqualTo(assign.label());
        assertThat(step.change()).contains(ApplyValuesTest.ASSIGN);
        assertThat(new Step(StepKind.Phase.LOCK, Step.State.DONE, "").change()).isEmpty();
        assertThat(Step.skipped(ApplyValuesTest.HIDE).state()).isEqualTo(Step.State.SKIPPED);
    }

    @Test
    void failuresAreClassifiedByTypeNotByMessageText() {
        // a transport failure whose text reads like a failed command is still a lost transport
        Failure lost = Failure.of("h", "pin", new TransportException("h: xe vm-param-set failed (exit 1): x"), false);
        assertThat(lost).isEqualTo(new Failure.TransportLost("h: xe vm-param-set failed (exit 1): x"));
        CommandResult exit1 = new CommandResult(Command.of("xe", "vm-list"), 1, "", "The uuid you supplied was invalid.");
        assertThat(Failure.of("h", "pin", Remote.failed(session("h"), "xe vm-list", exit1), false))
                .isInstanceOf(Failure.CommandFailed.class);
        assertThat(Failure.of("h", "check plan", new ApplyException("h: the plan is stale (make a new plan): x"), false))
                .isEqualTo(new Failure.Refused("h: the plan is stale (make a new plan): x"));
        assertThat(Failure.of("h", "check plan", new ObservationException("lspci: bad output"), false))
                .isEqualTo(new Failure.CommandFailed("h: check plan: lspci: bad output"));
        assertThat(Failure.of("h", "reboot", new TransportException("h: connection reset"), true))
                .isEqualTo(new Failure.Interrupted("h: interrupted at reboot"));
    }

    private static xenpt.transport.HostSession session(String name) {
        return new xenpt.transport.HostSession() {
            @Override
            public String host() {
                return name;
            }

            @Override
            public CommandResult run(Command command) throws TransportException {
                throw new TransportException("not connected", new IOException());
            }

            @Override
            public CommandResult converse(Command command, String marker, Reply reply) throws TransportException {
                throw new TransportException("not connected", new IOException());
            }

            @Override
            public byte[] readFile(String path) throws TransportException {
                throw new TransportException("not connected", new IOException());
            }

            @Override
            public void writeFile(String path, byte[] content, int mode) throws TransportException {
                throw new TransportException("not connected", new IOException());
            }

            @Override
            public void close() {}
        };
    }
}
