package xenpt.transport.ssh;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal ssh-agent client (draft-miller-ssh-agent) over the agent's Unix domain socket: lists identities and asks
 * for signatures; private keys never leave the agent. One request at a time (the protocol has no request ids), so the
 * methods are synchronized. Every protocol breach or agent refusal is an {@link IOException}.
 */
final class AgentClient implements AutoCloseable {

    static final int SSH_AGENT_FAILURE = 5;
    static final int SSH_AGENTC_REQUEST_IDENTITIES = 11;
    static final int SSH_AGENT_IDENTITIES_ANSWER = 12;
    static final int SSH_AGENTC_SIGN_REQUEST = 13;
    static final int SSH_AGENT_SIGN_RESPONSE = 14;
    static final int SSH_AGENT_RSA_SHA2_256 = 2;
    static final int SSH_AGENT_RSA_SHA2_512 = 4;

    /** OpenSSH's own limit on one agent message; a larger length prefix means a broken or hostile peer. */
    private static final int MAX_MESSAGE = 256 * 1024;

    private final SocketChannel channel;
    private final Path socket;

    private AgentClient(SocketChannel channel, Path socket) {
        this.channel = channel;
        this.socket = socket;
    }

    /** Connects to the agent listening on {@code socket} (the value of {@code SSH_AUTH_SOCK}). */
    static AgentClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw new IOException("cannot reach ssh-agent at " + socket + ": " + Failures.reason(e), e);
        }
        return new AgentClient(ch, socket);
    }

    /** The keys the agent holds, in the agent's order. */
    synchronized List<AgentIdentity> identities() throws IOException {
        ByteBuffer reply = request(SSH_AGENTC_REQUEST_IDENTITIES, new byte[0], SSH_AGENT_IDENTITIES_ANSWER);
        int count = reply.getInt();
        if (count < 0 || count > MAX_MESSAGE) throw new IOException("ssh-agent sent an identity count of " + count);
        List<AgentIdentity> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] blob = string(reply);
            String comment = new String(string(reply), StandardCharsets.UTF_8);
            ids.add(new AgentIdentity(blob, comment));
        }
        return List.copyOf(ids);
    }

    /**
     * Asks the agent to sign {@code data} with the key {@code blob}.
     *
     * @param flags {@link #SSH_AGENT_RSA_SHA2_256}, {@link #SSH_AGENT_RSA_SHA2_512} or 0
     * @return the SSH signature encoding: {@code string algorithm, string signature}
     */
    synchronized byte[] sign(byte[] blob, byte[] data, int flags) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(blob.length + data.length + 16);
        DataOutputStream out = new DataOutputStream(body);
        putString(out, blob);
        putString(out, data);
        out.writeInt(flags);
        ByteBuffer reply = request(SSH_AGENTC_SIGN_REQUEST, body.toByteArray(), SSH_AGENT_SIGN_RESPONSE);
        return string(reply);
    }

    private ByteBuffer request(int type, byte[] body, int expected) throws IOException {
        ByteBuffer msg = ByteBuffer.allocate(5 + body.length);
        msg.putInt(1 + body.length).put((byte) type).put(body).flip();
        while (msg.hasRemaining()) channel.write(msg);
        ByteBuffer len = readFully(4);
        int length = len.getInt();
        if (length < 1 || length > MAX_MESSAGE) throw new IOException("ssh-agent sent a message of length " + length);
        ByteBuffer reply = readFully(length);
        int got = reply.get() & 0xff;
        if (got == SSH_AGENT_FAILURE) throw new IOException("ssh-agent refused the request");
        if (got != expected) throw new IOException("ssh-agent answered message " + got + ", expected " + expected);
        return reply;
    }

    private ByteBuffer readFully(int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) throw new IOException("ssh-agent at " + socket + " closed the connection");
        }
        return buf.flip();
    }

    private static byte[] string(ByteBuffer in) throws IOException {
        if (in.remaining() < 4) throw new IOException("truncated ssh-agent message");
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) throw new IOException("truncated ssh-agent message");
        byte[] s = new byte[n];
        in.get(s);
        return s;
    }

    private static void putString(DataOutputStream out, byte[] s) throws IOException {
        out.writeInt(s.length);
        out.write(s);
    }

    /** The key type named at the start of a public key blob ({@code ssh-ed25519}, {@code ssh-rsa}, ...). */
    static String keyType(byte[] blob) throws IOException {
        return new String(string(ByteBuffer.wrap(blob)), StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing the agent socket after authentication: nothing left to report
        }
    }
}
