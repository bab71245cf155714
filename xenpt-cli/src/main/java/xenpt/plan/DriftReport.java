package xenpt.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every difference between the desired state and the hosts, classified.
 *
 * @param hosts  sorted by name
 * @param commit the desired state's git commit, when known
 */
public record DriftReport(List<HostDrift> hosts, String desiredDigest, Optional<String> commit) {

    public enum Category {
        BOOT_CONFIG("boot-config"),
        PENDING_REBOOT("pending-reboot"),
        ASSIGNMENT("assignment"),
        UNMANAGED("unmanaged"),
        HARDWARE("hardware"),
        NOT_ATTACHED("not-attached"),
        UNREACHABLE("unreachable");

        private final String word;

        Category(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One difference.
     *
     * @param subject what differs, for people: the host, {@code vm 'name'}, or a device address
     * @param vm      the VM's uuid, when the difference is about a VM
     * @param device  the PCI address, when the difference is about a device
     * @param field   which fact differs, named as in a plan's facts ({@code boot-hide-list}, {@code other-config:pci},
     *                {@code affinity}, ...), when it is one
     */
    public record Item(Category category, String subject, String message, Optional<String> vm, Optional<String> device,
            Optional<String> field) implements Comparable<Item> {
        public Item {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(vm, "vm");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(field, "field");
        }

        /** A difference about the host as a whole, or not (yet) keyed by VM, device or field. */
        public Item(Category category, String subject, String message) {
            this(category, subject, message, Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** The same difference, keyed by the VM's uuid and the field that differs. */
        public Item aboutVm(String uuid, String fieldName) {
            return new Item(category, subject, message, Optional.of(uuid), device, Optional.of(fieldName));
        }

        /** The same difference, keyed by the device's PCI address. */
        public Item aboutDevice(String address) {
            return new Item(category, subject, message, vm, Optional.of(address), field);
        }

        /** The same difference, keyed by the host's field that differs. */
        public Item aboutField(String fieldName) {
            return new Item(category, subject, message, vm, device, Optional.of(fieldName));
        }

        @Override
        public int compareTo(Item o) {
            return Comparator.comparing(Item::category).thenComparing(Item::subject).thenComparing(Item::message)
                    .compare(this, o);
        }
    }

    /** @param items sorted by category, subject, message */
    public record HostDrift(String name, String address, List<Item> items) {
        public HostDrift {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
            items = items.stream().sorted().distinct().toList();
        }

        public boolean drifted() {
            return !items.isEmpty();
        }
    }

    public DriftReport {
        hosts = hosts.stream().sorted(Comparator.comparing(HostDrift::name)).toList();
        Objects.requireNonNull(desiredDigest, "desiredDigest");
        Objects.requireNonNull(commit, "commit");
    }

    public boolean hasDrift() {
        return hosts.stream().anyMatch(HostDrift::drifted);
    }

    public long count(Category category) {
        return hosts.stream().flatMap(h -> h.items().stream()).filter(i -> i.category() == category).count();
    }
}
