package xenpt.observed;

import java.util.Objects;

/** The outcome of observing one host: its facts, or why it could not be read. An unreachable host is data. */
public sealed interface Observation {

    String name();

    record Reached(ObservedHost host) implements Observation {
        public Reached {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public String name() {
            return host.name();
        }
    }

    /** @param reason one line, e.g. {@code connection refused} or {@code host key mismatch: SHA256:...} */
    record Unreachable(String name, String address, String reason) implements Observation {
        public Unreachable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
