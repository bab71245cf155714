package xenpt.plan;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One observed fact a plan depends on, keyed by what it is about — the host itself, one PCI device, or one VM by uuid
 * — and which field of it, never by a sentence: {@code (vm 5d1e…, other-config:pci) = "0/0000:01:00.0"}. The VM's
 * name-label rides along for messages only ({@link #label}); a VM is known by its uuid.
 *
 * @param vm     the VM's uuid, for a fact about a VM
 * @param vmName the VM's name-label when {@code vm} is present (for messages; its own fact is {@code name-label})
 * @param device the PCI address, for a fact about a device
 * @param field  which fact: {@code boot-hide-list}, {@code id}, {@code other-config:pci}, … ({@link Facts})
 * @param value  as observed; an absent value is {@code ""}
 */
public record Fact(Optional<String> vm, Optional<String> vmName, Optional<String> device, String field, String value)
        implements Comparable<Fact> {

    /** Host facts first, then devices, then VMs; by subject, then field. The order of the plan's JSON. */
    private static final Comparator<Fact> ORDER = Comparator.comparing((Fact f) -> f.vm().isPresent())
            .thenComparing(f -> f.device().isPresent())
            .thenComparing(Fact::key);

    public Fact {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        if (vm.isPresent() && device.isPresent()) throw new IllegalArgumentException("a fact is about a VM or a device, not both");
        if (vm.isPresent() != vmName.isPresent()) throw new IllegalArgumentException("a VM fact needs the VM's uuid and name");
        if (field.isBlank()) throw new IllegalArgumentException("a fact needs a field");
    }

    public static Fact host(String field, String value) {
        return new Fact(Optional.empty(), Optional.empty(), Optional.empty(), field, value);
    }

    public static Fact device(String address, String field, String value) {
        return new Fact(Optional.empty(), Optional.empty(), Optional.of(address), field, value);
    }

    public static Fact vm(String uuid, String name, String field, String value) {
        return new Fact(Optional.of(uuid), Optional.of(name), Optional.empty(), field, value);
    }

    /** What identifies the fact on its host (subject and field), for comparing two observations and the fingerprint. */
    public String key() {
        String subject = vm.map(u -> "vm " + u).or(() -> device.map(d -> "device " + d)).orElse("host");
        return subject + " " + field;
    }

    /**
     * The fact as a person names it, for messages: {@code boot hide list}, {@code device 0000:01:00.0 id},
     * {@code vm 'db1' other-config:pci}, or {@code vm 'db' (uuid) …} when {@code nameShared} (another VM of the host
     * has the same name-label).
     */
    public String label(boolean nameShared) {
        if (vm.isPresent()) {
            return "vm '" + vmName.orElseThrow() + "'" + (nameShared ? " (" + vm.get() + ")" : "") + " " + field;
        }
        return device.map(d -> "device " + d + " " + field).orElse(field.replace('-', ' '));
    }

    @Override
    public int compareTo(Fact o) {
        return ORDER.compare(this, o);
    }
}
