package xenpt.json;

import java.io.Serial;

/** Text that is not JSON, or a value that is missing or of another type than asked; the message says which. */
public final class JsonException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    JsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
