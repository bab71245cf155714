package xenpt.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code xenpt doctor} found on one host: why passthrough does not work there, each finding with the evidence
 * read on the host and the fix.
 */
public record DoctorReport(String host, Optional<String> vm, List<Finding> findings) {

    public enum Kind {
        PCIBACK_NOT_LOADED("pciback-not-loaded"),
        IOMMU_DISABLED("iommu-disabled"),
        DOM0_DRIVER("dom0-driver"),
        NON_CANONICAL_HIDE("non-canonical-hide"),
        NOT_PINNED("not-pinned"),
        SPLIT_FUNCTIONS("split-functions"),
        NO_FLR("no-flr"),
        NVME_IRQS("nvme-extra-guest-irqs");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * @param evidence what was read on the host that shows it (a kernel message, a line of xl info, ...)
     * @param fix      what to do, for people
     * @param command  the command that fixes it (argument vector, run in dom0), when one does; then reboot when
     *                 {@code reboot} says so
     */
    public record Finding(Kind kind, String subject, String problem, String evidence, String fix,
            Optional<List<String>> command, boolean reboot) {
        public Finding {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(evidence, "evidence");
            Objects.requireNonNull(fix, "fix");
            command = command.map(List::copyOf);
        }
    }

    public DoctorReport {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(vm, "vm");
        findings = List.copyOf(findings);
    }

    public boolean healthy() {
        return findings.isEmpty();
    }
}
