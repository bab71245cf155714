package xenpt.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostAddressTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "xs1.example.com       | xs1.example.com | -1",
        "xs1.example.com:2222  | xs1.example.com | 2222",
        "192.0.2.10            | 192.0.2.10      | -1",
        "192.0.2.10:65535      | 192.0.2.10      | 65535",
        "[::1]:2222            | ::1             | 2222",
        "[2001:db8::10]        | 2001:db8::10    | -1",
        "::1                   | ::1             | -1",
        "fe80::1%eth0          | fe80::1%eth0    | -1",
        "[fe80::1%eth0]:22     | fe80::1%eth0    | 22"})
    void acceptedFormsSplitIntoHostAndPort(String text, String host, int port) {
        HostAddress.Parsed p = HostAddress.parse(text);
        assertThat(p).isInstanceOf(HostAddress.Parsed.Ok.class);
        HostAddress a = ((HostAddress.Parsed.Ok) p).address();
        assertThat(a.host()).isEqualTo(host);
        assertThat(a.port()).isEqualTo(port < 0 ? Optional.empty() : Optional.of(port));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "h:0                | has port '0'",
        "h:65536            | has port '65536'",
        "h:99999999999      | has port '99999999999'",
        "h:                 | has an empty port",
        ":22                | has a port but no host",
        "[::1               | has no closing ']'",
        "[::1]x             | has 'x' after ']'",
        "[xs1.example]:22   | has no IPv6 address inside [ ]",
        "root@h             | contains '@'",
        "-oProxyCommand=x   | is not a DNS name or IP address",
        "a b                | is not a DNS name or IP address",
        "h:22:33x           | is not a DNS name or IP address"})
    void rejectedFormsSayWhatIsWrong(String text, String problem) {
        HostAddress.Parsed p = HostAddress.parse(text);
        assertThat(p).isInstanceOf(HostAddress.Parsed.Bad.class);
        assertThat(((HostAddress.Parsed.Bad) p).problem()).contains(problem);
    }
}
