package xenpt.transport.ssh;

import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;

/**
 * The algorithms xenpt offers, fastest first: in SSH the client's order decides among those both sides support.
 * Key exchange curve25519-sha256; cipher AES-GCM where the JVM encrypts AES in hardware (AES-NI, ARMv8 crypto), else
 * ChaCha20-Poly1305 (pure Java either way, and the faster of the two without AES instructions); MACs (used only with a
 * non-AEAD cipher) encrypt-then-MAC SHA-256 first. Host key algorithms keep sshj's order (ed25519 first), so a key
 * pinned in known_hosts is still the one the server shows.
 *
 * <p>sshj names BouncyCastle as the provider of every primitive once it registers it, which puts AES on BC's
 * table-driven Java code instead of the JDK's intrinsics. BC stays registered with the JCA (sshj's ChaCha20 and some
 * key formats use it), but sshj asks the JCA's default order, which puts the JDK's own providers first.
 */
final class SshAlgorithms {

    static final List<String> KEX = List.of("curve25519-sha256", "curve25519-sha256@libssh.org");
    static final List<String> AES_FIRST = List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
            "chacha20-poly1305@openssh.com", "aes128-ctr", "aes256-ctr");
    static final List<String> CHACHA_FIRST = List.of("chacha20-poly1305@openssh.com", "aes128-gcm@openssh.com",
            "aes256-gcm@openssh.com", "aes128-ctr", "aes256-ctr");
    static final List<String> MACS = List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
            "hmac-sha2-256", "hmac-sha2-512");

    private SshAlgorithms() {}

    static DefaultConfig config() {
        synchronized (SecurityUtils.class) {
            SecurityUtils.getSecurityProvider(); // registers BouncyCastle with the JCA once
            SecurityUtils.setRegisterBouncyCastle(false);
            SecurityUtils.setSecurityProvider(null);
        }
        DefaultConfig c = new DefaultConfig();
        c.setKeyExchangeFactories(first(c.getKeyExchangeFactories(), KEX));
        c.setCipherFactories(first(c.getCipherFactories(), aesInHardware() ? AES_FIRST : CHACHA_FIRST));
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

    /**
     * Whether the JVM encrypts AES in hardware: HotSpot does by default ({@code UseAES}) on every x86-64 and AArch64
     * CPU with AES instructions, which all such CPUs of the last decade have. Asking HotSpot itself would load the
     * management classes on every start, which costs more than this guess can lose.
     */
    static boolean aesInHardware() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64");
    }
}
