package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/** Malformed or out-of-range numbers in query strings are 400 {@code invalid_parameter} naming the parameter, never 404. */
@QuarkusTest
class QueryNumberParamTest {

    private static SalonFixture salon;

    private enum Who { PUBLIC, CLIENT, OWNER, ADMIN }

    /** Each list endpoint with its numeric parameter; {@code {salon}} is a live salon of the owner. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of(Who.OWNER, "/api/salons/{salon}/bookings?from=" + LocalDate.now() + "&", "days"),
                Arguments.of(Who.CLIENT, "/api/bookings/mine?", "page"),
                Arguments.of(Who.CLIENT, "/api/bookings/mine?", "size"),
                Arguments.of(Who.CLIENT, "/api/favorites?", "page"),
                Arguments.of(Who.CLIENT, "/api/favorites?", "size"),
                Arguments.of(Who.OWNER, "/api/promo-codes?salonId={salon}&", "page"),
                Arguments.of(Who.OWNER, "/api/promo-codes?salonId={salon}&", "size"),
                Arguments.of(Who.ADMIN, "/api/promo-codes/deleted?", "page"),
                Arguments.of(Who.ADMIN, "/api/promo-codes/deleted?", "size"),
                Arguments.of(Who.PUBLIC, "/api/salons/{salon}/reviews?", "page"),
                Arguments.of(Who.PUBLIC, "/api/salons/{salon}/reviews?", "size"),
                Arguments.of(Who.PUBLIC, "/api/salons?", "page"),
                Arguments.of(Who.ADMIN, "/api/admin/salons?", "page"),
                Arguments.of(Who.ADMIN, "/api/admin/salons?", "size"),
                Arguments.of(Who.ADMIN, "/api/admin/salons/deleted?", "page"),
                Arguments.of(Who.ADMIN, "/api/admin/salons/{salon}/masters/deleted?", "size"),
                Arguments.of(Who.ADMIN, "/api/admin/salons/{salon}/services/deleted?", "page"),
                Arguments.of(Who.ADMIN, "/api/admin/reviews?", "size"),
                Arguments.of(Who.ADMIN, "/api/admin/reviews/deleted?", "page"));
    }

    @ParameterizedTest(name = "{1}{2}")
    @MethodSource("endpoints")
    void malformedNumbersAreA400NamingTheParameter(Who who, String path, String parameter) {
        if (salon == null) {
            salon = Fixtures.salon();
        }
        String base = path.replace("{salon}", salon.salonId().toString()) + parameter + "=";
        for (String bad : new String[] {"abc", "1.5", "99999999999", "-1"}) {
            var request = given();
            switch (who) {
                case CLIENT -> request = request.auth().oauth2(TestTokens.client(UUID.randomUUID()));
                case OWNER -> request = request.auth().oauth2(TestTokens.owner(salon.ownerId()));
                case ADMIN -> request = request.auth().oauth2(TestTokens.admin(UUID.randomUUID()));
                case PUBLIC -> { }
            }
            if ("days".equals(parameter) && "-1".equals(bad)) {
                // A well-formed but out-of-range day count keeps the calendar's own range code.
                request.get(base + bad).then().statusCode(400).body("code", equalTo("invalid_date_range"));
                continue;
            }
            request.get(base + bad).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("invalid_parameter")).body("parameter", equalTo(parameter));
        }
    }
}
