package uz.aurelle.marketplace.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Small HTTP helpers shared by the booking tests. */
public final class Api {

    private Api() {
    }

    public static Response book(String token, UUID serviceId, UUID masterId, OffsetDateTime startsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceId", serviceId);
        body.put("masterId", masterId);
        body.put("startsAt", startsAt.toString());
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/bookings");
    }

    public static String bookOk(String token, UUID serviceId, UUID masterId, OffsetDateTime startsAt) {
        return book(token, serviceId, masterId, startsAt).then().statusCode(201).extract().path("id");
    }

    public static Response post(String token, String path, Object body) {
        var spec = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post(path);
    }

    /** Moves a booking into the past (keeping its length), as if time had passed. */
    public static void shiftIntoPast(String bookingId) {
        Db.update("UPDATE booking SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour',"
                + " occupied_from = now() - interval '2 hours', occupied_to = now() - interval '1 hour'"
                + " WHERE id = ?::uuid", bookingId);
    }
}
