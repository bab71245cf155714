package xenpt.sim;

import java.util.List;

/**
 * A block device of dom0: its name ({@code sda}), the PCI controller behind it, the sysfs path between the controller
 * and the block device ({@code ata1/host0/target0:0:0/0:0:0:0}), its {@code /dev/disk/by-id} names and its number of
 * partitions.
 */
record Disk(String name, String controller, String path, List<String> ids, int partitions) {

    Disk {
        ids = List.copyOf(ids);
    }
}
