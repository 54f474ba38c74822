package uz.aurelle.payments.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * marketplace-service (internal API contract) and auth-service's token endpoint as a real local
 * HTTP server. Tests stub per booking (unique ids), so they never interfere with each other.
 */
public class MarketplaceFake implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/api/auth/token"))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_id", equalTo("payments-service"))
                .withFormParam("client_secret", equalTo("test-secret"))
                .willReturn(okJson("{\"access_token\":\"" + TestServiceToken.TOKEN
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
        // Every internal call must carry the SERVICE token; anything else is a 401 as marketplace would answer.
        server.stubFor(post(urlPathMatching("/internal/bookings/.*/payment-events")).atPriority(10)
                .willReturn(okJson("{\"applied\":true,\"bookingStatus\":\"CONFIRMED\"}")));
        server.stubFor(put(urlPathMatching("/internal/bookings/.*/hold")).atPriority(10)
                .willReturn(aResponse().withStatus(204)));
        server.stubFor(delete(urlPathMatching("/internal/bookings/.*/hold")).atPriority(10)
                .willReturn(aResponse().withStatus(204)));
        server.stubFor(get(urlPathEqualTo("/internal/refund-requests")).atPriority(10)
                .willReturn(okJson("[]")));
        String url = server.baseUrl();
        return Map.of("quarkus.rest-client.marketplace.url", url, "quarkus.rest-client.auth.url", url,
                "quarkus.rest-client.click-merchant.url", url + "/click");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A PENDING_PAYMENT booking marketplace would let the client pay. */
    public static void payable(UUID bookingId, UUID clientId, UUID salonId, UUID ownerId, long amount) {
        booking(bookingId, clientId, salonId, ownerId, amount, "PENDING_PAYMENT", false, true, false);
    }

    public static void booking(UUID bookingId, UUID clientId, UUID salonId, UUID ownerId, long amount,
                               String status, boolean paid, boolean payable, boolean completed) {
        String body = """
                {"bookingId":"%s","clientId":"%s","salonId":"%s","salonOwnerId":"%s","status":"%s",
                 "paid":%s,"payable":%s,"amount":%d,"currency":"UZS","holdExpiresAt":null,
                 "startsAt":"2030-01-01T10:00:00+05:00","completed":%s,
                 "items":[{"title":"Haircut","price":%d,"count":1,"code":"10305008003000000",
                           "packageCode":"1545643","vatPercent":12}]}
                """.formatted(bookingId, clientId, salonId, ownerId, status, paid, payable, amount, completed, amount);
        server.stubFor(get(urlEqualTo("/internal/bookings/" + bookingId + "/payable"))
                .withHeader("Authorization", equalTo("Bearer " + TestServiceToken.TOKEN))
                .willReturn(okJson(body)));
    }

    public static void bookingNotFound(UUID bookingId) {
        server.stubFor(get(urlEqualTo("/internal/bookings/" + bookingId + "/payable"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"code\":\"booking_not_found\"}")));
    }

    /** marketplace is down for this booking: connections are reset. */
    public static void payableDown(UUID bookingId) {
        server.stubFor(get(urlEqualTo("/internal/bookings/" + bookingId + "/payable"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    public static void paymentEventsDown(UUID bookingId) {
        server.stubFor(post(urlEqualTo("/internal/bookings/" + bookingId + "/payment-events"))
                .willReturn(aResponse().withStatus(503)));
    }

    public static void paymentEventsUp(UUID bookingId) {
        server.stubFor(post(urlEqualTo("/internal/bookings/" + bookingId + "/payment-events"))
                .withHeader("Authorization", equalTo("Bearer " + TestServiceToken.TOKEN))
                .willReturn(okJson("{\"applied\":true,\"bookingStatus\":\"CONFIRMED\"}")));
    }

    public static void holdRefused(UUID bookingId) {
        server.stubFor(put(urlEqualTo("/internal/bookings/" + bookingId + "/hold"))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":409,\"code\":\"booking_not_payable\"}")));
    }
}
