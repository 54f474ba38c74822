package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/** "Any master" must not answer slot_taken because the first free master was lost to a concurrent booking. */
@QuarkusTest
class AnyMasterRaceTest {

    static Response anyMaster(SalonFixture f, OffsetDateTime start) {
        return Api.book(TestTokens.client(UUID.randomUUID()), f.serviceId(), null, start);
    }

    static String masterOf(SalonFixture f, Response created) {
        String id = created.then().statusCode(201).extract().path("id");
        return given().auth().oauth2(TestTokens.owner(f.ownerId())).get("/api/bookings/" + id).path("masterId");
    }

    @Test
    void losingTheFirstFreeMasterToAConcurrentBookingTakesTheNextOne() throws Exception {
        SalonFixture f = Fixtures.salon();
        // The first master is the one "any master" tries first.
        Db.update("UPDATE master SET created_at = now() - interval '1 day' WHERE id = ?", f.masterId());
        OffsetDateTime start = f.at(Fixtures.daysAhead(f.zone(), 3), "11:00");
        CompletableFuture<Response> request;
        try (Connection other = Db.begin()) {
            // Another client's booking of the first master, not yet committed: invisible to the request's
            // availability check, so its insert collides with it and waits for the outcome.
            Fixtures.insertBooking(other, f, f.masterId(), start);
            request = CompletableFuture.supplyAsync(() -> anyMaster(f, start));
            Db.awaitLockWaiter();
            other.commit();
        }
        assertThat(masterOf(f, request.get(60, TimeUnit.SECONDS))).isEqualTo(f.secondMasterId().toString());

        anyMaster(f, start).then().statusCode(409).body("code", equalTo("slot_taken"));
    }

    @Test
    void twoConcurrentAnyMasterRequestsForTwoMastersBothSucceed() throws Exception {
        SalonFixture f = Fixtures.salon();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String time : List.of("10:00", "11:00", "12:00", "14:00", "15:00")) {
                OffsetDateTime start = f.at(Fixtures.daysAhead(f.zone(), 3), time);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Response>> requests = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    requests.add(pool.submit(() -> {
                        together.await();
                        return anyMaster(f, start);
                    }));
                }
                List<String> masters = new ArrayList<>();
                for (Future<Response> r : requests) {
                    masters.add(masterOf(f, r.get(60, TimeUnit.SECONDS)));
                }
                assertThat(masters).containsExactlyInAnyOrder(f.masterId().toString(), f.secondMasterId().toString());
                anyMaster(f, start).then().statusCode(409).body("code", equalTo("slot_taken"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
