package xenpt.observed;

import java.util.Objects;
import java.util.Optional;
import xenpt.transport.CommandResult;

/**
 * A failed xe call, classified by its stderr text (xen-facts §1.6–1.9). The texts differ slightly between
 * versions (internal-error spacing, "not in map" wording), so classification uses prefixes.
 *
 * @param message the line worth showing: the {@code Error: } text, the API error's doc line, or its {@code message:}
 */
public record XeError(Kind kind, String message) {

    public enum Kind {
        /** {@code Error: Key pci not found in map} (param-get of an absent key). */
        KEY_NOT_FOUND,
        /** {@code Unknown command: pci-list}: the host's xe lacks the command. */
        UNKNOWN_COMMAND,
        /** {@code The uuid you supplied was invalid.} */
        UUID_INVALID,
        /** INTERNAL_ERROR: {@code The server failed to handle your request, due to an internal error.} */
        INTERNAL_ERROR,
        /** {@code Error: Connection refused (calling connect )}: xapi is down. */
        XAPI_DOWN,
        OTHER
    }

    public XeError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** Empty when the call succeeded. */
    public static Optional<XeError> of(CommandResult r) {
        if (r.ok()) return Optional.empty();
        String text = r.stderr().isBlank() ? r.stdout() : r.stderr();
        String first = r.firstErrorLine();
        if (first.startsWith("Error: Key ") && (first.contains("not found in map") || first.contains("not in map"))
                || first.equals("Error: Key is not in map")) {
            return Optional.of(new XeError(Kind.KEY_NOT_FOUND, first));
        }
        if (first.startsWith("Unknown command: ")) return Optional.of(new XeError(Kind.UNKNOWN_COMMAND, first));
        if (first.startsWith("The uuid you supplied was invalid")) return Optional.of(new XeError(Kind.UUID_INVALID, first));
        if (first.startsWith("The server failed to handle your request, due to an internal error.")) {
            String detail = text.lines().filter(l -> l.startsWith("message: ")).findFirst().orElse(first);
            return Optional.of(new XeError(Kind.INTERNAL_ERROR, detail));
        }
        if (first.startsWith("Error: Connection refused")) return Optional.of(new XeError(Kind.XAPI_DOWN, first));
        return Optional.of(new XeError(Kind.OTHER, first.isEmpty() ? "exit status " + r.exitCode() : first));
    }
}
