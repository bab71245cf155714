package xenpt.transport.ssh;

import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.jcajce.provider.asymmetric.edec.KeyAgreementSpi;
import org.bouncycastle.jcajce.provider.asymmetric.edec.KeyFactorySpi;
import org.bouncycastle.jcajce.provider.asymmetric.edec.KeyPairGeneratorSpi;
import org.bouncycastle.jcajce.provider.asymmetric.edec.SignatureSpi;

/**
 * X25519 and Ed25519, the three operations of every connection (key exchange, host key, user key), from BouncyCastle's
 * JCA classes ahead of the JDK's: under C1 alone (the launcher's {@code -XX:TieredStopAtLevel=1}) the JDK's take about
 * 4 ms per operation and BouncyCastle's 0.4-2.3 ms (measured, bench/README.md), about 9 ms of CPU per host. Only these
 * six services are registered, each built directly: BouncyCastle's whole provider costs 0.3 s of every start-up.
 */
final class Curve25519Provider extends Provider {

    private static final String NAME = "XenptCurve25519";

    private Curve25519Provider() {
        super(NAME, "1.0", "BouncyCastle's X25519 and Ed25519 services");
        service("KeyPairGenerator", "X25519", KeyPairGeneratorSpi.X25519::new);
        service("KeyAgreement", "X25519", KeyAgreementSpi.X25519::new);
        service("KeyFactory", "X25519", KeyFactorySpi.X25519::new);
        service("KeyPairGenerator", "Ed25519", KeyPairGeneratorSpi.Ed25519::new);
        service("KeyFactory", "Ed25519", KeyFactorySpi.Ed25519::new);
        service("Signature", "Ed25519", SignatureSpi.Ed25519::new);
    }

    /** Puts the provider first in the JVM's list, once. */
    static synchronized void install() {
        if (Security.getProvider(NAME) == null) Security.insertProviderAt(new Curve25519Provider(), 1);
    }

    private void service(String type, String algorithm, Supplier<Object> spi) {
        putService(new Service(this, type, algorithm, spi.get().getClass().getName(), List.of(), Map.of()) {
            @Override
            public Object newInstance(Object parameter) {
                return spi.get();
            }
        });
    }
}
