package xenpt.desired;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Formats of the desired-state values the schema leaves as plain strings. Each check returns what is wrong and what
 * is expected, or empty when the value is fine.
 */
final class Formats {

    /** Host names are used in plans, reports and {@code --target H/VM}, so no slash, space or shell character. */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SCENARIO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern UUID = Pattern.compile(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HOST_KEY = Pattern.compile("SHA256:[A-Za-z0-9+/]+={0,2}");

    private Formats() {}

    static Optional<String> hostName(String name) {
        if (HOST_NAME.matcher(name).matches()) return Optional.empty();
        return Optional.of("host name '" + name + "' is not usable in plans and --target; expected letters, digits, "
                + "'.', '_' and '-', starting with a letter or digit");
    }

    static Optional<String> address(String address) {
        if (address.isBlank()) {
            return Optional.of("address is empty; expected a DNS name, an IP address or sim:<scenario>");
        }
        if (address.startsWith("sim:")) {
            String scenario = address.substring(4);
            if (SCENARIO.matcher(scenario).matches()) return Optional.empty();
            return Optional.of("'" + address + "' is not a simulator address; expected sim:<scenario> with a scenario "
                    + "name of letters, digits, '.', '_' and '-', e.g. sim:wintermute");
        }
        return switch (HostAddress.parse(address)) {
            case HostAddress.Parsed.Ok ok -> Optional.empty();
            case HostAddress.Parsed.Bad bad -> Optional.of(bad.problem());
        };
    }

    static Optional<String> vmUuid(String uuid) {
        if (UUID.matcher(uuid).matches()) return Optional.empty();
        return Optional.of("'" + uuid + "' is not a VM uuid; expected 8-4-4-4-12 hex digits, "
                + "e.g. 22eb15fb-169c-ec9b-0ad4-231dc7210376");
    }

    static Optional<String> vmName(String name) {
        if (!name.isBlank()) return Optional.empty();
        return Optional.of("VM name-label is empty; expected the VM's name-label as xe vm-list prints it");
    }

    static Optional<String> passwordEnv(String name) {
        if (ENV_NAME.matcher(name).matches()) return Optional.empty();
        // The value is not echoed: a user who misread the key may have written the password itself.
        return Optional.of("passwordEnv is not an environment variable name; expected letters, digits and '_' "
                + "(the name of the variable that holds the password, never the password), e.g. ssh.passwordEnv: "
                + "XENPT_SSH_PASSWORD");
    }

    static Optional<String> hostKey(String fingerprint) {
        if (HOST_KEY.matcher(fingerprint).matches()) return Optional.empty();
        return Optional.of("hostKey '" + fingerprint + "' is not a host key fingerprint; expected SHA256:<base64> "
                + "as ssh-keygen -l prints it");
    }
}
