package uz.aurelle.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void paymeStyleCredentialsParseAndMatch() {
        var credentials = BasicCredentials.parse(basic("Paycom:KEY")).orElseThrow();
        assertThat(credentials.username()).isEqualTo("Paycom");
        assertThat(credentials.password()).isEqualTo("KEY");
        assertThat(credentials.matches("Paycom", "KEY")).isTrue();
        assertThat(credentials.matches("Paycom", "KEY2")).isFalse();
        assertThat(credentials.matches("paycom", "KEY")).isFalse();
        assertThat(credentials.matches("Paycom", "key")).isFalse();
        assertThat(credentials.toString()).doesNotContain("KEY");
    }

    @Test
    void splitsAtTheFirstColonOnly() {
        var credentials = BasicCredentials.parse(basic("Paycom:k3y:with:colons")).orElseThrow();
        assertThat(credentials.username()).isEqualTo("Paycom");
        assertThat(credentials.password()).isEqualTo("k3y:with:colons");
        assertThat(BasicCredentials.parse(basic(":only-password")).orElseThrow().username()).isEmpty();
        assertThat(BasicCredentials.parse(basic("user:")).orElseThrow().password()).isEmpty();
    }

    @Test
    void schemeIsCaseInsensitiveAndUnicodeWorks() {
        String encoded = Base64.getEncoder().encodeToString("Paycom:ключ-ʻoʻ".getBytes(StandardCharsets.UTF_8));
        assertThat(BasicCredentials.parse("basic " + encoded)).isPresent();
        assertThat(BasicCredentials.parse("BASIC   " + encoded + "  ").orElseThrow().password()).isEqualTo("ключ-ʻoʻ");
        assertThat(BasicCredentials.parse("BASIC " + encoded).orElseThrow().matches("Paycom", "ключ-ʻoʻ")).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "Basic", "Basic ", "Basic !!!not-base64!!!", "Basic UGF5Y29tS0VZ" /* no colon */,
            "Bearer UGF5Y29tOktFWQ==", "Digest username=\"Paycom\"", "UGF5Y29tOktFWQ==", "BasicUGF5Y29tOktFWQ==",
            "Basic UGF5Y29tOktFWQ", "Basic /w==" /* invalid UTF-8 */, "Basic ' OR 1=1 --",
            "Basic <script>alert(1)</script>" })
    void malformedHeadersAreRejectedWithoutExceptions(String header) {
        assertThat(BasicCredentials.parse(header)).isEmpty();
    }
}
