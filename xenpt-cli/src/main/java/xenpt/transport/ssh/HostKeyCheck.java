package xenpt.transport.ssh;

import java.io.IOException;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Verifies one connection's host key (SPEC §8): against the pinned fingerprint when there is one, else against
 * known_hosts. An unknown key is refused with its fingerprint unless new keys are accepted (then it is recorded);
 * a changed key is always refused. sshj only learns "verification failed", so the reason is kept here for the
 * message the connector builds.
 */
final class HostKeyCheck implements HostKeyVerifier {

    private final SshTarget target;
    private final boolean acceptNew;
    private volatile String refusal;
    private volatile String verified;

    HostKeyCheck(SshTarget target, boolean acceptNew) {
        this.target = target;
        this.acceptNew = acceptNew;
    }

    /** The fingerprint of the key that was accepted, once one was. */
    Optional<String> verified() {
        return Optional.ofNullable(verified);
    }

    /** Why the key was refused, when it was. */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        boolean ok = check(key);
        if (ok) verified = KnownHosts.fingerprint(blob(key));
        return ok;
    }

    private boolean check(PublicKey key) {
        byte[] blob = blob(key);
        String offered = KnownHosts.fingerprint(blob) + " (" + KeyType.fromKey(key) + ")";
        if (target.hostKeyPin().isPresent()) {
            String pin = target.hostKeyPin().get().strip().replaceAll("=+$", "");
            if (pin.equals(KnownHosts.fingerprint(blob))) return true;
            return refuse("host key mismatch: pinned " + pin + ", host offered " + offered);
        }
        try {
            return verifyKnown(KnownHosts.load(target.knownHosts()), key, blob, offered);
        } catch (IOException e) {
            return refuse("cannot read known_hosts " + target.knownHosts() + ": " + e.getMessage());
        }
    }

    private boolean verifyKnown(KnownHosts known, PublicKey key, byte[] blob, String offered) throws IOException {
        String token = KnownHosts.hostToken(target.host(), target.port());
        List<KnownHosts.Entry> entries = known.matching(token);
        if (entries.stream().anyMatch(e -> e.revoked() && java.util.Arrays.equals(e.blob(), blob))) {
            return refuse("host key " + offered + " is marked @revoked in " + known.file());
        }
        List<KnownHosts.Entry> keys = entries.stream().filter(e -> !e.revoked()).toList();
        if (keys.stream().anyMatch(e -> java.util.Arrays.equals(e.blob(), blob))) return true;
        if (!keys.isEmpty()) {
            KnownHosts.Entry old = keys.get(0);
            return refuse("host key changed: " + known.file() + ":" + old.line() + " has " + old.fingerprint()
                    + " (" + old.keyType() + "), host offered " + offered
                    + "; refusing to connect (remove the old entry if the change is expected)");
        }
        if (!acceptNew) {
            return refuse("unknown host key " + offered + "; pin it with ssh.hostKey, add it to " + known.file()
                    + ", or rerun with --accept-new-host-keys");
        }
        known.append(token, KeyType.fromKey(key).toString(), blob);
        return true;
    }

    private boolean refuse(String reason) {
        refusal = reason;
        return false;
    }

    /** Prefer the key types already recorded, so a host with several keys is checked against the one we know. */
    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        if (target.hostKeyPin().isPresent()) return List.of();
        try {
            return KnownHosts.load(target.knownHosts())
                    .matching(KnownHosts.hostToken(target.host(), target.port()))
                    .stream()
                    .filter(e -> !e.revoked())
                    .map(KnownHosts.Entry::keyType)
                    .distinct()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
