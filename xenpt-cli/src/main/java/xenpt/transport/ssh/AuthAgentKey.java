package xenpt.transport.ssh;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * The {@code "publickey"} method (RFC 4252 §7) for one ssh-agent identity: sshj's {@code AuthPublickey} with the
 * signature made by the agent. A feeler request names the key; on {@code SSH_MSG_USERAUTH_PK_OK} the agent signs
 * the session id and the request. An RSA key is offered under each algorithm both sides accept, strongest first
 * ({@code rsa-sha2-512}, {@code rsa-sha2-256}, {@code ssh-rsa}), as sshj does for key files; the agent is asked for
 * the matching hash by its flags.
 */
final class AuthAgentKey extends AbstractAuthMethod {

    private final AgentClient agent;
    private final AgentIdentity identity;
    private Deque<String> algorithms;

    AuthAgentKey(AgentClient agent, AgentIdentity identity) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd != Message.USERAUTH_60) {
            super.handle(cmd, buf);
            return;
        }
        SSHPacket req = buildReq(true);
        byte[] signed = new Buffer.PlainBuffer()
                .putString(params.getTransport().getSessionID())
                .putBuffer(req)
                .getCompactData();
        try {
            req.putString(agent.sign(identity.blob(), signed, flags(algorithm())));
        } catch (IOException e) {
            throw new UserAuthException("ssh-agent could not sign with " + identity + ": " + e.getMessage(), e);
        }
        params.getTransport().write(req);
    }

    /** Offers the key again under the next algorithm, if any is left. */
    @Override
    public boolean shouldRetry() {
        if (algorithms == null) return false;
        algorithms.poll();
        return !algorithms.isEmpty();
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return buildReq(false);
    }

    private SSHPacket buildReq(boolean signed) throws UserAuthException {
        SSHPacket req = super.buildReq();
        req.putBoolean(signed).putString(algorithm()).putString(identity.blob());
        return req;
    }

    private String algorithm() throws UserAuthException {
        if (algorithms == null) algorithms = new ArrayDeque<>(offered());
        String a = algorithms.peek();
        if (a == null) throw new UserAuthException("no signature algorithm left for " + identity);
        return a;
    }

    /** The algorithms sshj would offer for this key type (honouring the server's server-sig-algs), else its name. */
    private List<String> offered() throws UserAuthException {
        try {
            String type = identity.keyType();
            KeyType kt = KeyType.fromString(type);
            if (kt == KeyType.UNKNOWN) return List.of(type);
            List<String> names = params.getTransport().getClientKeyAlgorithms(kt).stream()
                    .map(k -> k.getKeyAlgorithm())
                    .toList();
            return names.isEmpty() ? List.of(type) : names;
        } catch (IOException e) {
            throw new UserAuthException("cannot offer " + identity + ": " + e.getMessage(), e);
        }
    }

    static int flags(String algorithm) {
        return switch (algorithm) {
            case "rsa-sha2-256" -> AgentClient.SSH_AGENT_RSA_SHA2_256;
            case "rsa-sha2-512" -> AgentClient.SSH_AGENT_RSA_SHA2_512;
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return "ssh-agent key " + identity;
    }
}
