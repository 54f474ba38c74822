package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

@QuarkusTest
class SalonSearchTest {

    static final Random RANDOM = new Random();

    /** A random made-up word, so reruns and other tests' salons never match. */
    static String token() {
        String letters = "bdfgklmnprstvz";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            sb.append(letters.charAt(RANDOM.nextInt(letters.length())));
            if (i % 2 == 0) {
                sb.append("aeiou".charAt(RANDOM.nextInt(5)));
            }
        }
        return sb.toString();
    }

    static SalonFixture salon(String ru, String uz, String en, double lat, double lon) {
        SalonFixture f = Fixtures.salon();
        Db.update("UPDATE salon SET name_ru = ?, name_uz = ?, name_en = ?, latitude = ?, longitude = ? WHERE id = ?",
                ru, uz, en, lat, lon, f.salonId());
        return f;
    }

    static List<String> ids(String query) {
        return given().get("/api/salons?" + query).then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void uzbekLatinCyrillicAndApostrophesAllMatch() {
        String t = token();
        String cyrillic = t.replace("a", "а").replace("o", "о").replace("e", "е").replace("k", "к")
                .replace("m", "м").replace("t", "т");
        SalonFixture f = salon("Салон Ғунча " + cyrillic, "Gʻuncha " + t, "Guncha " + t, 41.3, 69.3);

        assertThat(ids("q=G'uncha " + t)).containsExactly(f.salonId().toString());
        assertThat(ids("q=Ғунча " + t)).containsExactly(f.salonId().toString());
        assertThat(ids("q=G’uncha " + cyrillic)).containsExactly(f.salonId().toString());
        assertThat(ids("q=guncha " + t.toUpperCase())).containsExactly(f.salonId().toString());
    }

    @Test
    void typosAndServiceNamesStillFindTheSalon() {
        String t = token();
        SalonFixture f = salon("Гульнора " + t, "Gulnora " + t, "Gulnora " + t, 41.3, 69.3);
        // One doubled letter.
        String typo = t.substring(0, 3) + t.charAt(3) + t.substring(3);
        assertThat(ids("q=" + typo)).contains(f.salonId().toString());
        Db.update("UPDATE salon_service SET name_uz = ? WHERE id = ?", "Kiprik " + t + "lash", f.serviceId());
        assertThat(ids("q=" + t + "lash")).contains(f.salonId().toString());
    }

    @Test
    void nearAPointWithinARadiusOrderedByDistanceBeforePaging() {
        double lat = 38 + RANDOM.nextDouble() * 4;
        double lon = 57 + RANDOM.nextDouble() * 10;
        SalonFixture near = salon("A", "A", "A", lat + 0.005, lon);       // ~0.55 km
        SalonFixture nearer = salon("B", "B", "B", lat + 0.001, lon);     // ~0.11 km
        SalonFixture far = salon("C", "C", "C", lat + 0.2, lon);          // ~22 km

        String q = "lat=" + lat + "&lon=" + lon + "&radiusKm=2";
        assertThat(ids(q)).containsExactly(nearer.salonId().toString(), near.salonId().toString());
        given().get("/api/salons?" + q + "&size=1&page=1").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].id", equalTo(near.salonId().toString()));
        assertThat(given().get("/api/salons?" + q).then().extract().jsonPath().getDouble("items[0].distanceMeters"))
                .isBetween(100.0, 125.0);
        assertThat(ids("lat=" + lat + "&lon=" + lon + "&radiusKm=30")).contains(far.salonId().toString());
        given().get("/api/salons/map?" + q).then().statusCode(200).body("size()", equalTo(2));
    }

    @Test
    void filtersOnRatingPriceHomeServiceAndCategory() {
        double lat = 38 + RANDOM.nextDouble() * 4;
        double lon = 57 + RANDOM.nextDouble() * 10;
        SalonFixture cheap = salon("D", "D", "D", lat, lon);
        SalonFixture rated = salon("E", "E", "E", lat, lon + 0.001);
        Db.update("UPDATE salon SET rating_avg = 4.8, rating_count = 20 WHERE id = ?", rated.salonId());
        Db.update("UPDATE salon_service SET price_tiyin = 2000000, home_service = true WHERE salon_id = ?",
                cheap.salonId());
        Db.update("UPDATE salon_service SET price_tiyin = 50000000, category_id = ? WHERE salon_id = ?",
                UUID.fromString("00000000-0000-4000-8000-000000000007"), rated.salonId());
        String here = "lat=" + lat + "&lon=" + lon + "&radiusKm=1";

        assertThat(ids(here + "&minRating=4.5")).containsExactly(rated.salonId().toString());
        assertThat(ids(here + "&maxPrice=3000000")).containsExactly(cheap.salonId().toString());
        assertThat(ids(here + "&minPrice=40000000")).containsExactly(rated.salonId().toString());
        assertThat(ids(here + "&homeService=true")).containsExactly(cheap.salonId().toString());
        assertThat(ids(here + "&categoryId=00000000-0000-4000-8000-000000000007"))
                .containsExactly(rated.salonId().toString());
        assertThat(ids(here + "&sort=rating")).first().isEqualTo(rated.salonId().toString());
        assertThat(ids(here + "&sort=price")).first().isEqualTo(cheap.salonId().toString());
    }

    @Test
    void onlyActiveSalonsAreFound() {
        String t = token();
        SalonFixture pending = salon("Х " + t, "X " + t, "X " + t, 41.3, 69.3);
        Db.update("UPDATE salon SET status = 'PENDING_REVIEW' WHERE id = ?", pending.salonId());
        assertThat(ids("q=" + t)).isEmpty();
    }

    @Test
    void badSearchParametersAreClear400s() {
        for (String bad : List.of("radiusKm=5", "lat=41.3", "lat=95&lon=69", "sort=cheapest", "size=500",
                "page=-1", "minRating=high", "lat=41&lon=69&radiusKm=1000", "sort=distance", "categoryId=hair")) {
            given().get("/api/salons?" + bad).then().statusCode(400).body("code", equalTo("invalid_parameter"));
        }
    }

    @Test
    void newAndBooleanParametersAreStrictAndNamed() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("openNow=maybe", "openNow");
        bad.put("openNow=1", "openNow");
        bad.put("homeService=maybe", "homeService");
        bad.put("homeService=yes", "homeService");
        bad.put("q=" + "a".repeat(101), "q");
        bad.put("q=nail%07s", "q");
        bad.put("q=nails&sort=distance", "sort");
        bad.forEach((query, parameter) -> {
            for (String path : List.of("/api/salons?", "/api/salons/map?")) {
                if (query.contains("sort=") && path.contains("map")) {
                    continue;   // the map has no order
                }
                given().urlEncodingEnabled(false).get(path + query).then().statusCode(400)
                        .contentType("application/problem+json").body("code", equalTo("invalid_parameter"))
                        .body("parameter", equalTo(parameter));
            }
        });
        given().get("/api/salons?q=" + "a".repeat(100) + "&openNow=false&homeService=FALSE").then().statusCode(200);
        // Search syntax is never an error: punctuation only, an unbalanced quote, a lone apostrophe.
        for (String odd : List.of("!!!", "\"unbalanced " + token(), "ʻ")) {
            given().queryParam("q", odd).get("/api/salons").then().statusCode(200).body("total", equalTo(0));
        }
    }

    @Test
    void totalsStayExactOnEveryPageWhicheverWayTheyAreCounted() {
        double lat = 38 + RANDOM.nextDouble() * 4;
        double lon = 57 + RANDOM.nextDouble() * 10;
        String t = token();
        List<SalonFixture> salons = List.of(salon(t + " A", t, t, lat, lon), salon(t + " B", t, t, lat + 0.001, lon),
                salon(t + " C", t, t, lat + 0.002, lon));
        for (int i = 0; i < salons.size(); i++) {
            Db.update("UPDATE salon SET rating_avg = ?, rating_count = ? WHERE id = ?", 4.0 + i * 0.3, 10 * i,
                    salons.get(i).salonId());
        }
        String here = "lat=" + lat + "&lon=" + lon + "&radiusKm=1";
        // Counted separately (rating order from the index), by the ranked set (distance, text).
        for (String query : List.of(here + "&sort=rating", here + "&sort=popularity", here, "q=" + t,
                here + "&sort=price")) {
            for (int page = 0; page < 4; page++) {
                given().get("/api/salons?" + query + "&size=2&page=" + page).then().statusCode(200)
                        .body("total", equalTo(3)).body("page", equalTo(page)).body("size", equalTo(2))
                        .body("items.size()", equalTo(page == 0 ? 2 : page == 1 ? 1 : 0));
            }
        }
        assertThat(ids(here + "&sort=rating")).containsExactly(salons.get(2).salonId().toString(),
                salons.get(1).salonId().toString(), salons.get(0).salonId().toString());
        assertThat(ids(here + "&sort=rating&size=2&page=1")).containsExactly(salons.get(0).salonId().toString());
        given().get("/api/salons?lat=" + lat + "&lon=" + (lon + 1) + "&radiusKm=1").then().statusCode(200)
                .body("total", equalTo(0)).body("items.size()", equalTo(0));
    }
}
