package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/**
 * Booking creation, client cancellation and the hold sweep all touch a booking row and a promo-code
 * row in one transaction. With lapsed holds carrying the same code in play, opposite lock orders
 * deadlock (PostgreSQL aborts one side with 40P01, a 500 for the client); one order everywhere
 * must leave every request with a business answer and the counter equal to the live redemptions.
 */
@QuarkusTest
class PromoLockOrderTest {

    private static final List<String> SLOTS = List.of("09:00", "10:00", "11:00", "12:00", "14:00", "15:00", "16:00",
            "17:00");

    @Test
    void cancelsSweepsAndNewBookingsWithTheSameCodeNeverDeadlock() throws Exception {
        SalonFixture f = Fixtures.salon(Fixtures.spec().prepayment(true));
        String code = "LOCK" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> promo = new HashMap<>();
        promo.put("code", code);
        promo.put("salonId", f.salonId());
        promo.put("kind", "PERCENT");
        promo.put("value", 10);
        promo.put("validUntil", OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).toString());
        String promoId = Api.post(TestTokens.owner(f.ownerId()), "/api/promo-codes", promo).then().statusCode(201)
                .extract().path("id");

        for (int round = 0; round < 3; round++) {
            int day = 3 + round;
            // Unpaid holds with the code, one per slot, whose holds then lapse before the sweep sees them.
            List<String> holders = new ArrayList<>();
            List<String> holds = new ArrayList<>();
            for (String time : SLOTS) {
                String holder = TestTokens.client(UUID.randomUUID());
                holders.add(holder);
                holds.add(book(holder, f, day, time, code).then().statusCode(201).extract().path("id"));
            }
            Db.update("UPDATE booking SET hold_expires_at = now() - interval '1 minute' WHERE id = ANY(?::uuid[])",
                    (Object) holds.toArray(new String[0]));

            // Each lapsed holder cancels while someone else books the freed slot with the same code.
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < SLOTS.size(); i++) {
                String holder = holders.get(i);
                String hold = holds.get(i);
                String time = SLOTS.get(i);
                calls.add(() -> {
                    start.await();
                    return Api.post(holder, "/api/bookings/" + hold + "/cancel", null);
                });
                calls.add(() -> {
                    start.await();
                    return book(TestTokens.client(UUID.randomUUID()), f, day, time, code);
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(calls.size());
            List<Future<Response>> futures = new ArrayList<>();
            try {
                for (Callable<Response> call : calls) {
                    futures.add(pool.submit(call));
                }
                start.countDown();
                for (int i = 0; i < futures.size(); i++) {
                    Response r = futures.get(i).get();
                    if (i % 2 == 0) {
                        // The sweep or the new booking may have expired the hold first.
                        assertThat(r.statusCode()).as("cancel: %s", r.asString()).isIn(200, 409);
                    } else {
                        assertThat(r.statusCode()).as("new booking: %s", r.asString()).isEqualTo(201);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(Db.query("SELECT status FROM booking WHERE id = ANY(?::uuid[])",
                    (Object) holds.toArray(new String[0]))).allSatisfy(row ->
                    assertThat(row.get(0)).isIn("CANCELLED", "EXPIRED"));
        }

        long live = ((Number) Db.scalar("SELECT count(*) FROM promo_redemption WHERE promo_code_id = ?::uuid"
                + " AND released_at IS NULL", promoId)).longValue();
        assertThat(live).isEqualTo(3L * SLOTS.size());
        assertThat(((Number) Db.scalar("SELECT redeemed_count FROM promo_code WHERE id = ?::uuid", promoId))
                .longValue()).isEqualTo(live);
        assertThat(((Number) Db.scalar("SELECT count(*) FROM booking WHERE promo_code_id = ?::uuid"
                + " AND status = 'PENDING_PAYMENT'", promoId)).longValue()).isEqualTo(live);
    }

    private static Response book(String token, SalonFixture f, int daysAhead, String time, String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceId", f.serviceId());
        body.put("masterId", f.masterId());
        body.put("startsAt", f.at(Fixtures.daysAhead(f.zone(), daysAhead), time).toString());
        body.put("promoCode", code);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/bookings");
    }
}
