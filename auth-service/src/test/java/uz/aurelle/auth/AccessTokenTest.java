package uz.aurelle.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;

/** RFC 8725 attacks against our own protected endpoint: all must be a plain 401. */
@QuarkusTest
class AccessTokenTest {

    UUID userId;

    @BeforeEach
    void setUp() {
        userId = Fixtures.newUser(Fixtures.phone());
    }

    @Test
    void commonTestTokensAreAccepted() {
        me(TestTokens.client(userId)).then().statusCode(200).body("id", equalTo(userId.toString()));
    }

    @Test
    void missingTokenIs401() {
        given().get("/api/users/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredToken() {
        Instant past = Instant.now().minusSeconds(3600);
        String token = TestTokens.sign(TestTokens.builder(userId.toString(), "CLIENT").issuedAt(past.minusSeconds(900))
                .expiresAt(past));
        me(token).then().statusCode(401);
    }

    @Test
    void notYetValidToken() {
        String token = TestTokens.sign(TestTokens.builder(userId.toString(), "CLIENT")
                .claim("nbf", Instant.now().plusSeconds(600).getEpochSecond()));
        me(token).then().statusCode(401);
    }

    @Test
    void tamperedSignatureAndPayload() {
        String good = TestTokens.client(userId);
        String[] parts = good.split("\\.");
        char last = parts[2].charAt(10);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10)
                + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);
        me(badSignature).then().statusCode(401);

        String adminPayload = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"CLIENT\"", "\"ADMIN\""));
        given().auth().oauth2(parts[0] + "." + adminPayload + "." + parts[2]).get("/api/admin/users").then()
                .statusCode(401);
        me(parts[0] + "." + parts[1] + ".").then().statusCode(401);
    }

    @Test
    void algNoneIsRejected() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"test-key\"}");
        String payload = payload(userId.toString(), "https://aurelle.uz", "aurelle-api");
        me(header + "." + payload + ".").then().statusCode(401);
    }

    @Test
    void hs256SignedWithOurPublicKeyIsRejected() throws Exception {
        byte[] publicKey = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("testing/jwt-test-public.pem").readAllBytes();
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"test-key\"}");
        String payload = payload(userId.toString(), "https://aurelle.uz", "aurelle-api");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
        me(header + "." + payload + "." + signature).then().statusCode(401);
    }

    @Test
    void wrongIssuerOrAudienceOrMissingAudience() {
        me(TestTokens.sign(TestTokens.builder(userId.toString(), "CLIENT").issuer("https://evil.example")))
                .then().statusCode(401);
        me(TestTokens.sign(TestTokens.builder(userId.toString(), "CLIENT").audience("other-api"))).then()
                .statusCode(401);
        String noAudience = Jwt.issuer("https://aurelle.uz").subject(userId.toString()).groups("CLIENT")
                .expiresIn(600).jws().keyId("test-key").sign(TestTokens.privateKey());
        me(noAudience).then().statusCode(401);
    }

    @Test
    void unknownKidOrForeignKeyIsRejected() throws Exception {
        String unknownKid = TestTokens.builder(userId.toString(), "CLIENT").jws().keyId("attacker-key")
                .sign(TestTokens.privateKey());
        me(unknownKid).then().statusCode(401);

        KeyPair attacker = KeyUtils.generateKeyPair(2048, SignatureAlgorithm.RS256);
        String foreign = TestTokens.builder(userId.toString(), "CLIENT").jws().keyId("test-key")
                .sign(attacker.getPrivate());
        me(foreign).then().statusCode(401);

        // An embedded jwk header pointing at the attacker's key must not be trusted.
        String embedded = TestTokens.builder(userId.toString(), "CLIENT").jws().keyId("test-key")
                .header("jku", "https://evil.example/jwks.json").sign(attacker.getPrivate());
        me(embedded).then().statusCode(401);
    }

    @Test
    void refreshTokenIsNotAnAccessToken() {
        String phone = Fixtures.phone();
        Fixtures.newUser(phone);
        Fixtures.Tokens tokens = Fixtures.tokens(phone);
        me(tokens.refresh()).then().statusCode(401);
    }

    @Test
    void serviceTokensAreNotUsers() {
        me(TestTokens.service("payments-service")).then().statusCode(403);
    }

    @Test
    void jwksPublishesCurrentAndRetiredKeysWithoutPrivateParts() {
        var response = given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", hasItems("test-key", "retired-test-key"))
                .body("keys.kty", hasItems("RSA"))
                .body("keys.alg", hasItems("RS256"))
                .body("keys.use", hasItems("sig"))
                .extract();
        List<Map<String, Object>> keys = response.path("keys");
        assertThat(keys).allSatisfy(key -> assertThat(key).containsKeys("n", "e")
                .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi"));
    }

    private static io.restassured.response.Response me(String token) {
        return given().auth().oauth2(token).get("/api/users/me");
    }

    private static String payload(String sub, String iss, String aud) {
        long now = Instant.now().getEpochSecond();
        return b64("{\"iss\":\"" + iss + "\",\"aud\":\"" + aud + "\",\"sub\":\"" + sub
                + "\",\"groups\":[\"CLIENT\"],\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":"
                + (now + 600) + "}");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
