package xenpt.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The keys of a simulated host, generated once and kept in its state directory: the host key
 * ({@code ssh_host_ecdsa_key}), and a client key pair ({@code client_key}, an unencrypted OpenSSH private key, with
 * {@code client_key.pub}) whose public half is in {@code authorized_keys}, the keys accepted for {@code root}. Users
 * may add their own keys to {@code authorized_keys}.
 */
final class KeyFiles {

    private KeyFiles() {}

    static SimpleGeneratorHostKeyProvider hostKeys(Path stateDir) {
        SimpleGeneratorHostKeyProvider p = new SimpleGeneratorHostKeyProvider(stateDir.resolve("ssh_host_ecdsa_key"));
        p.setAlgorithm(KeyUtils.EC_ALGORITHM);
        p.setKeySize(256);
        return p;
    }

    static PublicKey hostPublicKey(SimpleGeneratorHostKeyProvider p) {
        return p.loadKeys(null).iterator().next().getPublic();
    }

    /** {@code SHA256:<base64 without padding>}, as OpenSSH prints fingerprints. */
    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    static Path clientKeyFile(Path stateDir) {
        return stateDir.resolve("client_key");
    }

    /** Creates the client key pair and {@code authorized_keys} unless they exist. */
    static void ensureClientKey(Path stateDir) throws IOException {
        Path priv = clientKeyFile(stateDir);
        if (Files.exists(priv)) return;
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(256);
            KeyPair kp = gen.generateKeyPair();
            Path tmp = stateDir.resolve("client_key.tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(tmp)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, "xenpt-sim", null, out);
            }
            String pub = PublicKeyEntry.toString(kp.getPublic()) + " xenpt-sim\n";
            Files.writeString(stateDir.resolve("client_key.pub"), pub, StandardCharsets.UTF_8);
            Files.writeString(stateDir.resolve("authorized_keys"), pub, StandardCharsets.UTF_8);
            Files.move(tmp, priv, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate the client key: " + e.getMessage(), e);
        }
    }

    /** Whether {@code key} is listed in the host's {@code authorized_keys}. */
    static boolean authorized(Path stateDir, PublicKey key) {
        try {
            List<AuthorizedKeyEntry> entries = AuthorizedKeyEntry.readAuthorizedKeys(stateDir.resolve("authorized_keys"));
            for (AuthorizedKeyEntry e : entries) {
                if (KeyUtils.compareKeys(e.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING), key)) return true;
            }
            return false;
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }
}
