package xenpt.transport.ssh;

import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;

/**
 * The algorithms xenpt offers, fastest first (in SSH the client's order decides among those both sides support):
 * key exchange curve25519-sha256, cipher AES-GCM, encrypt-then-MAC SHA-256 for a non-AEAD cipher. Host key
 * algorithms keep sshj's order (ed25519 first), so a key pinned in known_hosts is still the one the server shows.
 *
 * <p>No BouncyCastle JCE provider is registered (sshj would register one: about 0.3 s of every run's start-up,
 * bench/README.md "Issue 16, final"). The JDK's providers give ciphers, MACs, digests and ECDSA
 * ({@link EcdsaKeyFactory} gives sshj the one name only BouncyCastle's provider had); {@link Curve25519Provider}
 * gives X25519 and Ed25519 from BouncyCastle's classes, two to ten times faster than the JDK's under the launcher's
 * C1-only JIT. chacha20-poly1305 is not offered: it needs BouncyCastle's Poly1305. An observation moves tens of KiB,
 * so the cipher costs under a millisecond per host either way.
 * BouncyCastle stays on the class path for PEM identity files (sshj parses them with it; {@code KeyFormatsIT}).
 */
final class SshAlgorithms {

    static final List<String> KEX = List.of("curve25519-sha256", "curve25519-sha256@libssh.org");
    static final List<String> CIPHERS = List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr",
            "aes256-ctr");
    static final List<String> MACS = List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
            "hmac-sha2-256", "hmac-sha2-512");

    private SshAlgorithms() {}

    static DefaultConfig config() {
        // Before sshj's first use: registering BouncyCastle as a JCE provider costs ~0.3 s of every run's start-up.
        SecurityUtils.setRegisterBouncyCastle(false);
        EcdsaKeyFactory.install();
        Curve25519Provider.install();
        DefaultConfig c = new DefaultConfig();
        c.setKeyExchangeFactories(first(c.getKeyExchangeFactories(), KEX));
        // chacha20-poly1305 needs BouncyCastle's Poly1305: the JDK has no Poly1305 MAC
        c.setCipherFactories(first(c.getCipherFactories().stream()
                .filter(f -> !f.getName().startsWith("chacha20-poly1305")).toList(), CIPHERS));
        c.setMACFactories(first(c.getMACFactories(), MACS));
        return c;
    }

    /** {@code factories} with the {@code preferred} names first, in that order; the rest keep sshj's order. */
    static <T extends Factory.Named<?>> List<T> first(List<T> factories, List<String> preferred) {
        List<T> ordered = new ArrayList<>();
        for (String name : preferred) {
            factories.stream().filter(f -> f.getName().equals(name)).findFirst().ifPresent(ordered::add);
        }
        factories.stream().filter(f -> !ordered.contains(f)).forEach(ordered::add);
        return ordered;
    }
}
