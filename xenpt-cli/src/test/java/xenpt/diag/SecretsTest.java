package xenpt.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void valuesOfSecretKeysAreMaskedInBlockAndFlowStyle() {
        assertThat(Secrets.mask(List.of(
                "    password: hunter2 # mine",
                "  - apiToken: 'a, b'",
                "  ssh: {user: root, password: \"x,y}\", port: 22}",
                "  ssh: {passwordEnv: [a, b], port: 22}",
                "    passwordEnv: XENPT_PW",
                "    address: token-host.example",
                "    secret:")))
                .containsExactly(
                        "    password: ****",
                        "  - apiToken: ****",
                        "  ssh: {user: root, password: ****, port: 22}",
                        "  ssh: {passwordEnv: ****, port: 22}",
                        "    passwordEnv: ****",
                        "    address: token-host.example",
                        "    secret:");
    }

    @Test
    void blockScalarsUnderSecretKeysAndPemKeysAreMaskedLineByLine() {
        assertThat(Secrets.mask(List.of(
                "    privateKey: |",
                "      AAAA",
                "",
                "      BBBB",
                "    port: 22",
                "-----BEGIN RSA PRIVATE KEY-----",
                "CCCC",
                "-----END RSA PRIVATE KEY-----",
                "after: 1")))
                .containsExactly("    privateKey: |", "      ****", "", "      ****", "    port: 22", "****", "****", "****",
                        "after: 1");
    }

    @Test
    void aVeryLongLineIsMaskedWhole() {
        String line = "  x: " + "b".repeat(5000) + " password: hunter2";
        assertThat(Secrets.mask(List.of(line))).containsExactly("  ****");
    }
}
