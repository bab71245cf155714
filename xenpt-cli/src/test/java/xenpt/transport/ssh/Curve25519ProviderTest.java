package xenpt.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The X25519 and Ed25519 services sshj asks for come from {@link Curve25519Provider} and agree with the JDK's own. */
class Curve25519ProviderTest {

    private static final String JDK = "SunEC";
    private static final byte[] MESSAGE = "session id and user auth request".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void install() {
        SshAlgorithms.config();
    }

    @Test
    void theSixServicesSshjUsesComeFromTheProvider() throws Exception {
        assertThat(KeyPairGenerator.getInstance("X25519").getProvider().getName()).isEqualTo("XenptCurve25519");
        assertThat(KeyAgreement.getInstance("X25519").getProvider().getName()).isEqualTo("XenptCurve25519");
        assertThat(KeyFactory.getInstance("X25519").getProvider().getName()).isEqualTo("XenptCurve25519");
        assertThat(KeyPairGenerator.getInstance("Ed25519").getProvider().getName()).isEqualTo("XenptCurve25519");
        assertThat(KeyFactory.getInstance("Ed25519").getProvider().getName()).isEqualTo("XenptCurve25519");
        assertThat(Signature.getInstance("Ed25519").getProvider().getName()).isEqualTo("XenptCurve25519");
    }

    @Test
    void x25519GivesTheJdksSharedSecret() throws Exception {
        KeyPair ours = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        KeyPair theirs = KeyPairGenerator.getInstance("X25519", JDK).generateKeyPair();
        // as sshj does: the peer's key from its X.509 encoding
        KeyAgreement a = KeyAgreement.getInstance("X25519");
        a.init(ours.getPrivate());
        a.doPhase(KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(theirs.getPublic().getEncoded())), true);
        KeyAgreement b = KeyAgreement.getInstance("X25519", JDK);
        b.init(theirs.getPrivate());
        b.doPhase(KeyFactory.getInstance("X25519", JDK).generatePublic(new X509EncodedKeySpec(ours.getPublic().getEncoded())), true);
        assertThat(a.generateSecret()).isEqualTo(b.generateSecret());
    }

    @Test
    void ed25519SignaturesVerifyBothWaysWithTheJdk() throws Exception {
        KeyPair jdk = KeyPairGenerator.getInstance("Ed25519", JDK).generateKeyPair();
        Signature sign = Signature.getInstance("Ed25519", JDK);
        sign.initSign(jdk.getPrivate());
        sign.update(MESSAGE);
        byte[] bySunEc = sign.sign();
        Signature verify = Signature.getInstance("Ed25519");
        verify.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(jdk.getPublic().getEncoded())));
        verify.update(MESSAGE);
        assertThat(verify.verify(bySunEc)).isTrue();

        KeyPair ours = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature ourSign = Signature.getInstance("Ed25519");
        ourSign.initSign(ours.getPrivate());
        ourSign.update(MESSAGE);
        byte[] byUs = ourSign.sign();
        Signature jdkVerify = Signature.getInstance("Ed25519", JDK);
        jdkVerify.initVerify(KeyFactory.getInstance("Ed25519", JDK).generatePublic(new X509EncodedKeySpec(ours.getPublic().getEncoded())));
        jdkVerify.update(MESSAGE);
        assertThat(jdkVerify.verify(byUs)).isTrue();
        // another message: false, not an exception (a flipped signature byte can make R an invalid point, which throws)
        jdkVerify.update("another message".getBytes(StandardCharsets.UTF_8));
        assertThat(jdkVerify.verify(byUs)).isFalse();
    }
}
