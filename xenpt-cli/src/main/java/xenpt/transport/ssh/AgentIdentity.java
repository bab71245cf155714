package xenpt.transport.ssh;

import java.io.IOException;
import java.util.Objects;

/**
 * One key held by ssh-agent.
 *
 * @param blob    the public key in SSH wire encoding, as the agent lists it and as the server receives it
 * @param comment the agent's comment (usually the key file or {@code user@host}), for messages
 */
record AgentIdentity(byte[] blob, String comment) {

    AgentIdentity {
        Objects.requireNonNull(comment, "comment");
        blob = blob.clone();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    /** The key type from the blob ({@code ssh-ed25519}, {@code ssh-rsa}, ...). */
    String keyType() throws IOException {
        return AgentClient.keyType(blob);
    }

    @Override
    public String toString() {
        String type;
        try {
            type = keyType();
        } catch (IOException e) {
            type = "malformed key";
        }
        return type + (comment.isEmpty() ? "" : " " + comment);
    }
}
