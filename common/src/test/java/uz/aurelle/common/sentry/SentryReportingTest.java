package uz.aurelle.common.sentry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.FakeSentry;
import uz.aurelle.common.testing.TestTokens;

/** The real SDK posts real envelopes to a local server; the scrubbing is asserted on what arrived. */
@QuarkusTest
@WithTestResource(FakeSentry.class)
class SentryReportingTest {

    @Test
    void unhandledExceptionArrivesWithRequestContextAndWithoutPii() {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        UUID userId = UUID.randomUUID();
        given().auth().oauth2(TestTokens.client(userId))
                .header("X-Request-Id", "sentry-req-1")
                .header("Cookie", "session=s3cr3t-cookie")
                .queryParam("marker", marker).queryParam("token", "tok-secret-q").queryParam("page", "2")
                .get("/fixture/sentry/boom")
                .then().statusCode(500).extract();

        FakeSentry.ReceivedEvent received = FakeSentry.awaitEvent(marker);
        JsonNode event = received.event();
        String raw = received.rawEnvelope();
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
        assertThat(raw).doesNotContain("4111 1111 1111 1111", "5555 5555 5555 4444", "+998901234567",
                "+998 90 123 45 67", "hunter2", "tok-secret-q", "s3cr3t-cookie", "eyJ");
    }

    @Test
    void manualCaptureScrubsNestedSecretsInItsContext() {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        String eventId = given().header("X-Request-Id", "sentry-req-2").queryParam("marker", marker)
                .get("/fixture/sentry/manual").then().statusCode(200).extract().path("eventId");
        assertThat(eventId).isNotEqualTo("00000000000000000000000000000000");

        FakeSentry.ReceivedEvent received = FakeSentry.awaitEvent(marker);
        JsonNode event = received.event();
        String raw = received.rawEnvelope();
        JsonNode details = event.at("/contexts/details");
        assertThat(details.at("/order/cardToken").asText()).isEqualTo("[redacted]");
        assertThat(details.at("/order/amount").asInt()).isEqualTo(150000);
        assertThat(details.at("/order/nested/apiKey").asText()).isEqualTo("[redacted]");
        assertThat(details.at("/order/nested/items/0/clientSecret").asText()).isEqualTo("[redacted]");
        assertThat(details.at("/Authorization").asText()).isEqualTo("[redacted]");
        assertThat(details.at("/note").asText()).isEqualTo("call the client at [phone]");
        assertThat(event.at("/tags/request_id").asText()).isEqualTo("sentry-req-2");
        assertThat(event.path("user").isMissingNode() || !event.path("user").has("ip_address")).isTrue();
        assertThat(raw).doesNotContain("tok_live_123", "k-999", "cs-1", "abc.def.ghi", "765 43 21");
    }
}
