package xenpt.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dom0 kernel's messages about pciback for one boot, as {@code dmesg} prints them ({@code [%5lu.%06lu] } before
 * each line, printk's time stamp) and as syslog appends them to {@code /var/log/kern.log}
 * ({@code Mmm dd HH:mm:ss host kernel: [time] message}). Only the lines a passthrough diagnosis reads are modelled:
 * the kernel line (x86 setup.c {@code "Command line: %s"}), pciback's parse error [src: Linux
 * drivers/xen/xen-pciback/pci_stub.c {@code pcistub_init}: {@code pr_err("Error parsing pci_devs_to_hide at \"%s\"\n",
 * pci_devs_to_hide + pos)} with {@code pr_fmt} = {@code "xen_pciback: "}; verbatim in xen-facts §3.1] and the devices it
 * seizes ({@code pcistub_seize}: {@code dev_info(&dev->dev, "seizing device\n")}).
 */
final class KernelLog {

    static final String KERN_LOG = "/var/log/kern.log";

    private KernelLog() {}

    /** The ring buffer of the boot with dom0 kernel line {@code cmdline}. */
    static String dmesg(String cmdline, List<String> seized) {
        StringBuilder out = new StringBuilder();
        for (String[] m : messages(cmdline, seized)) out.append('[').append(m[0]).append("] ").append(m[1]).append('\n');
        return out.toString();
    }

    /** Appends this boot's messages to {@code /var/log/kern.log} (syslog keeps the earlier boots' lines). */
    static void append(Scenario s, RootFs fs, String cmdline, List<String> seized) throws IOException {
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH));
        StringBuilder out = new StringBuilder();
        for (String[] m : messages(cmdline, seized)) {
            out.append(stamp).append(' ').append(s.hostName().toLowerCase(Locale.ROOT)).append(" kernel: [").append(m[0])
                    .append("] ").append(m[1]).append('\n');
        }
        Path p = fs.real(KERN_LOG);
        Files.createDirectories(p.getParent());
        Files.writeString(p, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String[]> messages(String cmdline, List<String> seized) {
        List<String[]> m = new ArrayList<>();
        m.add(new String[] {"    0.000000", "Command line: " + cmdline});
        String hide = null;
        for (String arg : cmdline.split("\\s+")) if (arg.startsWith("xen-pciback.hide=")) hide = arg.substring(17);
        if (hide != null && HideRules.failureAt(hide) >= 0) {
            m.add(new String[] {"    1.861203", "xen_pciback: Error parsing pci_devs_to_hide at \""
                    + hide.substring(HideRules.failureAt(hide)) + "\""});
            return m;
        }
        for (String slot : seized) m.add(new String[] {"    1.861203", "pciback " + slot + ": seizing device"});
        return m;
    }
}
