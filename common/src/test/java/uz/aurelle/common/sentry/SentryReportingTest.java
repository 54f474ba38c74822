package uz.aurelle.common.sentry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sentry.Sentry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.fixture.FakeSentry;
import uz.aurelle.common.testing.TestTokens;

/** The real SDK posts real envelopes to a local server; the scrubbing is asserted on what arrived. */
@QuarkusTest
@WithTestResource(FakeSentry.class)
class SentryReportingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Waits for the event whose raw envelope contains {@code marker}; returns its raw text and parsed event. */
    private static JsonNode awaitEvent(String marker, StringBuilder rawOut) throws Exception {
        Sentry.flush(5000);
        Path dir = Path.of(System.getProperty(FakeSentry.DIR_PROPERTY));
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            for (String envelope : envelopes(dir)) {
                if (!envelope.contains(marker)) {
                    continue;
                }
                String[] lines = envelope.split("\n");
                for (int i = 1; i + 1 < lines.length; i++) {
                    JsonNode header = JSON.readTree(lines[i]);
                    if ("event".equals(header.path("type").asText())) {
                        rawOut.append(envelope);
                        return JSON.readTree(lines[i + 1]);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no Sentry event containing " + marker + " arrived");
    }

    private static List<String> envelopes(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                all.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all;
    }

    @Test
    void unhandledExceptionArrivesWithRequestContextAndWithoutPii() throws Exception {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        UUID userId = UUID.randomUUID();
        given().auth().oauth2(TestTokens.client(userId))
                .header("X-Request-Id", "sentry-req-1")
                .header("Cookie", "session=s3cr3t-cookie")
                .queryParam("marker", marker).queryParam("token", "tok-secret-q").queryParam("page", "2")
                .get("/fixture/sentry/boom")
                .then().statusCode(500).extract();

        StringBuilder raw = new StringBuilder();
        JsonNode event = awaitEvent(marker, raw);
        String exception = event.at("/exception/values/0/value").asText();
        assertThat(exception).contains(marker, "[card]", "[phone]", "password=[redacted]")
                .contains("order 1234567890123456"); // not a Luhn-valid card number: kept
        assertThat(event.at("/request/method").asText()).isEqualTo("GET");
        assertThat(event.at("/request/url").asText()).isEqualTo("/fixture/sentry/boom");
        assertThat(event.at("/request/query_string").asText()).contains("token=[redacted]", "page=2");
        assertThat(event.at("/tags/request_id").asText()).isEqualTo("sentry-req-1");
        assertThat(event.at("/user/id").asText()).isEqualTo(userId.toString());
        assertThat(event.path("user").size()).isEqualTo(1);
        assertThat(event.at("/environment").asText()).isEqualTo("test");
        assertThat(event.at("/release").asText()).isEqualTo("common@test");
        List<String> crumbs = new ArrayList<>();
        JsonNode breadcrumbs = event.path("breadcrumbs");
        (breadcrumbs.isArray() ? breadcrumbs : breadcrumbs.path("values")).forEach(b -> crumbs.add(b.toString()));
        assertThat(crumbs).anyMatch(b -> b.contains("/fixture/sentry/boom") && b.contains("GET"));
        assertThat(crumbs).anyMatch(b -> b.contains("charging card [card] for [phone]"));
        // Nothing secret anywhere in what left the process.
        assertThat(raw.toString()).doesNotContain("4111 1111 1111 1111", "5555 5555 5555 4444", "+998901234567",
                "+998 90 123 45 67", "hunter2", "tok-secret-q", "s3cr3t-cookie", "eyJ");
    }

    @Test
    void manualCaptureScrubsNestedSecretsInItsContext() throws Exception {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        String eventId = given().header("X-Request-Id", "sentry-req-2").queryParam("marker", marker)
                .get("/fixture/sentry/manual").then().statusCode(200).extract().path("eventId");
        assertThat(eventId).isNotEqualTo("00000000000000000000000000000000");

        StringBuilder raw = new StringBuilder();
        JsonNode event = awaitEvent(marker, raw);
        JsonNode details = event.at("/contexts/details");
        assertThat(details.at("/order/cardToken").asText()).isEqualTo("[redacted]");
        assertThat(details.at("/order/amount").asInt()).isEqualTo(150000);
        assertThat(details.at("/order/nested/apiKey").asText()).isEqualTo("[redacted]");
        assertThat(details.at("/order/nested/items/0/clientSecret").asText()).isEqualTo("[redacted]");
        assertThat(details.at("/Authorization").asText()).isEqualTo("[redacted]");
        assertThat(details.at("/note").asText()).isEqualTo("call the client at [phone]");
        assertThat(event.at("/tags/request_id").asText()).isEqualTo("sentry-req-2");
        assertThat(event.path("user").isMissingNode() || !event.path("user").has("ip_address")).isTrue();
        assertThat(raw.toString()).doesNotContain("tok_live_123", "k-999", "cs-1", "abc.def.ghi", "765 43 21");
    }
}
