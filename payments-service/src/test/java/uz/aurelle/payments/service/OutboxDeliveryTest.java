package uz.aurelle.payments.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static uz.aurelle.payments.testing.Api.createParams;
import static uz.aurelle.payments.testing.Api.payme;
import static uz.aurelle.payments.testing.Api.paymeId;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import uz.aurelle.payments.testing.Api;
import uz.aurelle.payments.testing.Db;
import uz.aurelle.payments.testing.MarketplaceFake;
import uz.aurelle.payments.testing.TestClock;

/** The transactional outbox: a marketplace outage during PerformTransaction loses nothing. */
@QuarkusTest
@QuarkusTestResource(MarketplaceFake.class)
class OutboxDeliveryTest {

    @Inject
    TestClock clock;

    @Inject
    OutboxWorker worker;

    @Test
    void paidEventIsDeliveredOnceMarketplaceIsBack() {
        Api.Booking booking = Api.booking(250_000);
        String order = Api.order(booking, "PAYME");
        String id = paymeId();
        payme("CreateTransaction", createParams(id, clock.millis(), 250_000, order));
        MarketplaceFake.paymentEventsDown(booking.id());

        JsonPath performed = payme("PerformTransaction", "{\"id\":\"" + id + "\"}");
        assertThat(performed.getInt("result.state")).as("Payme gets its success answer").isEqualTo(2);

        String path = "/internal/bookings/" + booking.id() + "/payment-events";
        // Retried with back-off while marketplace answers 503.
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Map<String, Object> event = Db.query("SELECT attempts, delivered_at, last_error FROM outbox_event "
                    + "WHERE order_id = ?::uuid AND type = 'PAID'", order).get(0);
            assertThat((Integer) event.get("attempts")).isGreaterThanOrEqualTo(2);
            assertThat(event.get("delivered_at")).isNull();
            assertThat((String) event.get("last_error")).contains("503");
        });

        MarketplaceFake.paymentEventsUp(booking.id());
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(Db.single("SELECT delivered_at FROM outbox_event WHERE order_id = ?::uuid AND type = 'PAID'",
                        order)).isNotNull());
        String eventId = Db.single("SELECT id FROM outbox_event WHERE order_id = ?::uuid AND type = 'PAID'", order)
                .toString();
        // Every attempt carried the same eventId, so marketplace applies it once.
        MarketplaceFake.server().verify(postRequestedFor(urlEqualTo(path))
                .withRequestBody(matchingJsonPath("$.eventId", equalTo(eventId)))
                .withRequestBody(matchingJsonPath("$.paymentId", equalTo(order)))
                .withRequestBody(matchingJsonPath("$.provider", equalTo("PAYME"))));
        assertThat(MarketplaceFake.server().findAll(postRequestedFor(urlEqualTo(path))))
                .allSatisfy(request -> assertThat(request.getBodyAsString()).contains(eventId));
    }

    @Test
    void refusedEventIsParkedNotRetriedForever() {
        Api.Booking booking = Api.booking(260_000);
        String order = Api.order(booking, "PAYME");
        String id = paymeId();
        payme("CreateTransaction", createParams(id, clock.millis(), 260_000, order));
        MarketplaceFake.server().stubFor(post(urlEqualTo("/internal/bookings/" + booking.id() + "/payment-events"))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":409,\"code\":\"booking_state_conflict\"}")));
        payme("PerformTransaction", "{\"id\":\"" + id + "\"}");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Db.single("SELECT failed_at FROM outbox_event WHERE order_id = ?::uuid AND type = 'PAID'",
                        order)).isNotNull());
        assertThat(Db.single("SELECT attempts FROM outbox_event WHERE order_id = ?::uuid AND type = 'PAID'", order))
                .isEqualTo(1);
    }

    @Test
    void backoffDoublesUpToTheCap() {
        assertThat(worker.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(worker.backoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(worker.backoff(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(worker.backoff(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(worker.backoff(60)).isEqualTo(Duration.ofSeconds(1));
    }
}
