package xenpt.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;

/** A plain sshj client for the simulator's tests: pins the host key, logs in as root with the client key. */
final class SshTestClient implements AutoCloseable {

    record Result(int exit, String out, String err) {}

    private final SSHClient ssh = new SSHClient();

    SshTestClient(SimulatedHost host) throws IOException {
        ssh.addHostKeyVerifier(host.hostKeyFingerprint());
        ssh.setConnectTimeout(5000);
        ssh.connect(host.address(), host.port());
        ssh.authPublickey("root", ssh.loadKeys(host.clientKeyFile().toString()));
    }

    Result run(String line) throws IOException {
        try (Session session = ssh.startSession()) {
            Session.Command cmd = session.exec(line);
            String out = read(cmd.getInputStream());
            String err = read(cmd.getErrorStream());
            cmd.join(10, TimeUnit.SECONDS);
            Integer exit = cmd.getExitStatus();
            return new Result(exit == null ? -1 : exit, out, err);
        }
    }

    SFTPClient sftp() throws IOException {
        return ssh.newSFTPClient();
    }

    boolean isConnected() {
        return ssh.isConnected() && ssh.isAuthenticated();
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        ssh.close();
    }
}
