package uz.aurelle.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors from design/payments/PROTOCOLS.md, plus tampering and hostile input. */
class SignaturesTest {

    private static final String SECRET = "TEST_SECRET";
    private static final String SIGN_TIME = "2024-03-02 07:50:19";

    private static String clickPrepare(String secret, String transId, String amount, String action) {
        return Signatures.md5Hex(transId + "12345" + secret + "197" + amount + action + SIGN_TIME);
    }

    @Test
    void randomTokensAreUrlSafeFullLengthAndNeverRepeat() {
        String first = Signatures.randomToken(32);
        // 32 bytes are 43 base64url characters without padding: nothing to escape in a URL or header.
        assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Signatures.randomToken(32)).isNotEqualTo(first);
        assertThat(Signatures.randomToken(16)).hasSize(22);
    }

    @Test
    void clickPrepareVectors() {
        assertThat(clickPrepare(SECRET, "2148211", "50000.00", "0")).isEqualTo("fae873d83d5ba0ab88b432ecc931a76f");
        // The amount is hashed exactly as received: "50000" is a different signature.
        assertThat(clickPrepare(SECRET, "2148211", "50000", "0")).isEqualTo("59077b8c6027524c2671fcf87f8d4a0d");
    }

    @Test
    void clickCompleteVector() {
        String sign = Signatures.md5Hex("2148211" + "12345" + SECRET + "197" + "101" + "50000.00" + "1" + SIGN_TIME);
        assertThat(sign).isEqualTo("c3b572cb28d4819bcaa13da6660fdc74");
    }

    @Test
    void clickTamperingIsDetected() {
        String received = "fae873d83d5ba0ab88b432ecc931a76f";
        assertThat(Signatures.hexEquals(clickPrepare(SECRET, "2148211", "50000.00", "0"), received)).isTrue();
        assertThat(Signatures.hexEquals(clickPrepare(SECRET, "2148211", "50000.00", "0"), received.toUpperCase()))
                .isTrue();
        // One field changed.
        assertThat(Signatures.hexEquals(clickPrepare(SECRET, "2148212", "50000.00", "0"), received)).isFalse();
        assertThat(Signatures.hexEquals(clickPrepare(SECRET, "2148211", "50001.00", "0"), received)).isFalse();
        assertThat(Signatures.hexEquals(clickPrepare(SECRET, "2148211", "50000.00", "1"), received)).isFalse();
        // Wrong key.
        assertThat(Signatures.hexEquals(clickPrepare("TEST_SECRET2", "2148211", "50000.00", "0"), received))
                .isFalse();
        // One hex character off, truncated, extended, empty, null.
        String expected = clickPrepare(SECRET, "2148211", "50000.00", "0");
        assertThat(Signatures.hexEquals(expected, "fae873d83d5ba0ab88b432ecc931a76e")).isFalse();
        assertThat(Signatures.hexEquals(expected, received.substring(1))).isFalse();
        assertThat(Signatures.hexEquals(expected, received + "0")).isFalse();
        assertThat(Signatures.hexEquals(expected, "")).isFalse();
        assertThat(Signatures.hexEquals(expected, null)).isFalse();
        // Wrong algorithm over the same input.
        String input = "2148211" + "12345" + SECRET + "197" + "50000.00" + "0" + SIGN_TIME;
        assertThat(Signatures.hexEquals(Signatures.sha1Hex(input), received)).isFalse();
        assertThat(Signatures.hexEquals(Signatures.sha256Hex(input), received)).isFalse();
        assertThat(Signatures.hexEquals(Signatures.hmacSha256Hex(SECRET, input), received)).isFalse();
    }

    @Test
    void paymeCheckoutLinkVector() {
        assertThat(Signatures.base64Utf8("m=587f72c72cac0d162c722ae2;ac.order_id=197;a=500"))
                .isEqualTo("bT01ODdmNzJjNzJjYWMwZDE2MmM3MjJhZTI7YWMub3JkZXJfaWQ9MTk3O2E9NTAw");
        assertThat(Signatures.decodeBase64Utf8("bT01ODdmNzJjNzJjYWMwZDE2MmM3MjJhZTI7YWMub3JkZXJfaWQ9MTk3O2E9NTAw"))
                .contains("m=587f72c72cac0d162c722ae2;ac.order_id=197;a=500");
    }

    @Test
    void hmacSha256KnownVectorAndTampering() {
        // RFC 4231-style well-known vector.
        String mac = Signatures.hmacSha256Hex("key", "The quick brown fox jumps over the lazy dog");
        assertThat(mac).isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        assertThat(Signatures.verifyHmacSha256Hex("key", body, mac)).isTrue();
        assertThat(Signatures.verifyHmacSha256Hex("key", body, mac.toUpperCase())).isTrue();
        assertThat(Signatures.verifyHmacSha256Hex("Key", body, mac)).isFalse();
        assertThat(Signatures.verifyHmacSha256Hex("key", "The quick brown fox jumps over the lazy cat"
                .getBytes(StandardCharsets.UTF_8), mac)).isFalse();
        assertThat(Signatures.verifyHmacSha256Hex("key", body, mac.substring(0, 63) + "9")).isFalse();
        assertThat(Signatures.verifyHmacSha256Hex("key", body, Signatures.sha256Hex(body))).isFalse();
        assertThat(Signatures.verifyHmacSha256Hex("key", body, null)).isFalse();
        assertThat(Signatures.verifyHmacSha256Hex(null, body, mac)).isFalse();
    }

    @Test
    void unicodeKeysAndBodiesAreHashedAsUtf8() {
        assertThat(Signatures.hmacSha256Hex("ключ-kalit", "{\"summa\":\"100 soʻm\"}"))
                .isEqualTo("fdcaec49a7be672877980f18504c500cbcfdd39a10af616b29fc00a26a8d1be1");
    }

    @Test
    void clickMerchantApiAuthDigestIsSha1() {
        assertThat(Signatures.sha1Hex("1700000000" + SECRET)).isEqualTo("09b821e50eebe3f796caa8855acf4fb2524c9578");
    }

    @Test
    void constantTimeEqualsOverBytesAndUnicode() {
        assertThat(Signatures.constantTimeEquals("пароль-ʻoʻ-🔑", "пароль-ʻoʻ-🔑")).isTrue();
        assertThat(Signatures.constantTimeEquals("пароль-ʻoʻ-🔑", "пароль-ʻoʻ-🔒")).isFalse();
        // Same UTF-16 length, different bytes.
        assertThat(Signatures.constantTimeEquals("é", "e")).isFalse();
        assertThat(Signatures.constantTimeEquals("secret", "secret ")).isFalse();
        assertThat(Signatures.constantTimeEquals("secret", "")).isFalse();
        assertThat(Signatures.constantTimeEquals((String) null, "x")).isFalse();
        assertThat(Signatures.constantTimeEquals("x", (String) null)).isFalse();
        assertThat(Signatures.constantTimeEquals((String) null, (String) null)).isFalse();
        assertThat(Signatures.constantTimeEquals(new byte[] { 1, 2 }, new byte[] { 1, 2 })).isTrue();
        assertThat(Signatures.constantTimeEquals(new byte[] { 1, 2 }, new byte[] { 1, 3 })).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "' OR '1'='1", "1; DROP TABLE payments;--", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "\u0000", "ʻoʻzbekcha ёжик 💅" })
    void hostileStringsAreJustBytes(String hostile) {
        String sign = Signatures.md5Hex(hostile);
        assertThat(sign).matches("[0-9a-f]{32}");
        assertThat(Signatures.hexEquals(sign, sign)).isTrue();
        assertThat(Signatures.hexEquals(sign, hostile)).isFalse();
        assertThat(Signatures.constantTimeEquals(SECRET, hostile)).isFalse();
        assertThat(Signatures.hmacSha256Hex(hostile, hostile)).matches("[0-9a-f]{64}");
    }
}
