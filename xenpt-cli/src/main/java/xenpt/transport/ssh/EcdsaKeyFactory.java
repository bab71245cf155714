package xenpt.transport.ssh;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyFactorySpi;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.util.List;
import java.util.Map;

/**
 * The JDK's {@code EC} key factory under the name {@code ECDSA}, the name sshj (and BouncyCastle's PEM converter)
 * ask for, which only BouncyCastle's JCE provider knows. With it, ECDSA host and user keys work on the JDK's own
 * providers, and sshj need not register BouncyCastle, whose provider costs about 0.3 s of every run's start-up
 * (bench/startup.sh). Added last in the provider list, so it never shadows a provider that has the name.
 */
final class EcdsaKeyFactory extends KeyFactorySpi {

    private static final String NAME = "XenptEcdsaAlias";

    private final KeyFactory ec;

    private EcdsaKeyFactory() throws NoSuchAlgorithmException {
        this.ec = KeyFactory.getInstance("EC");
    }

    /** Registers the alias once; later calls do nothing. */
    static synchronized void install() {
        if (Security.getProvider(NAME) != null) return;
        Security.addProvider(new Alias());
    }

    /** A provider with one service, built directly (no reflection on a class name). */
    private static final class Alias extends Provider {
        Alias() {
            super(NAME, "1.0", "KeyFactory.ECDSA as the JDK's EC key factory");
            putService(new Service(this, "KeyFactory", "ECDSA", EcdsaKeyFactory.class.getName(), List.of(), Map.of()) {
                @Override
                public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                    return new EcdsaKeyFactory();
                }
            });
        }
    }

    @Override
    protected PublicKey engineGeneratePublic(KeySpec spec) throws InvalidKeySpecException {
        return ec.generatePublic(spec);
    }

    @Override
    protected PrivateKey engineGeneratePrivate(KeySpec spec) throws InvalidKeySpecException {
        return ec.generatePrivate(spec);
    }

    @Override
    protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> type) throws InvalidKeySpecException {
        return ec.getKeySpec(key, type);
    }

    @Override
    protected Key engineTranslateKey(Key key) throws InvalidKeyException {
        return ec.translateKey(key);
    }
}
