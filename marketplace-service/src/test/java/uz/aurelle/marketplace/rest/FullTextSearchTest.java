package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uz.aurelle.marketplace.rest.SalonSearchTest.RANDOM;
import static uz.aurelle.marketplace.rest.SalonSearchTest.ids;
import static uz.aurelle.marketplace.rest.SalonSearchTest.salon;
import static uz.aurelle.marketplace.rest.SalonSearchTest.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/**
 * Text search through the weighted document: stemming, category names, rank order, transliteration,
 * and the triggers that keep the document right on every write. Each test works in a spot of its own
 * (within 1 km) so words every fixture salon carries ("Стрижка") do not bring in other tests' salons.
 */
@QuarkusTest
class FullTextSearchTest {

    static final UUID NAILS = UUID.fromString("00000000-0000-4000-8000-000000000002");
    static final UUID BARBER = UUID.fromString("00000000-0000-4000-8000-000000000005");
    static final UUID EPILATION = UUID.fromString("00000000-0000-4000-8000-000000000009");

    record Spot(double lat, double lon) {
        static Spot random() {
            return new Spot(38 + RANDOM.nextDouble() * 4, 57 + RANDOM.nextDouble() * 10);
        }

        SalonFixture salon(int n) {
            return SalonSearchTest.salon("Салон", "Salon", "Salon", lat + n * 0.001, lon);
        }

        String near(String query) {
            return "lat=" + lat + "&lon=" + lon + "&radiusKm=1&" + query;
        }
    }

    static void services(SalonFixture f, UUID category, String ru, String uz, String en) {
        Db.update("UPDATE salon_service SET category_id = ?, name_ru = ?, name_uz = ?, name_en = ? WHERE salon_id = ?",
                category, ru, uz, en, f.salonId());
    }

    static boolean documentMatches(SalonFixture f, String query) {
        return (Boolean) Db.scalar("SELECT search_doc @@ aurelle_tsquery(?) FROM salon WHERE id = ?", query,
                f.salonId());
    }

    @Test
    void russianAndEnglishWordFormsMatchServiceNames() {
        Spot spot = Spot.random();
        SalonFixture haircut = spot.salon(0);   // fixture services: Стрижка / Soch olish / Haircut
        SalonFixture manicure = spot.salon(1);
        services(manicure, NAILS, "Маникюр", "Manikyur", "Manicure");

        assertThat(ids(spot.near("q=стрижку"))).containsExactly(haircut.salonId().toString());
        assertThat(ids(spot.near("q=стрижки"))).containsExactly(haircut.salonId().toString());
        assertThat(ids(spot.near("q=маникюра"))).containsExactly(manicure.salonId().toString());
        assertThat(ids(spot.near("q=haircuts"))).containsExactly(haircut.salonId().toString());
        assertThat(ids(spot.near("q=manicures"))).containsExactly(manicure.salonId().toString());
        // Uzbek, in Latin and in Cyrillic, and a typo no stemmer knows (trigram on the service name).
        assertThat(ids(spot.near("q=soch"))).containsExactly(haircut.salonId().toString());
        assertThat(ids(spot.near("q=\u0441\u043e\u0447"))).containsExactly(haircut.salonId().toString());
        assertThat(ids(spot.near("q=Маникюр"))).containsExactly(manicure.salonId().toString());
        assertThat(ids(spot.near("q=manikur"))).containsExactly(manicure.salonId().toString());
    }

    @Test
    void aCategoryNameFindsTheSalonsOfferingIt() {
        Spot spot = Spot.random();
        SalonFixture barber = spot.salon(0);
        services(barber, BARBER, "Фейд", "Feyd", "Skin fade");
        SalonFixture hair = spot.salon(1);

        for (String q : new String[] {"barber", "Barber", "барбершоп", "sartaroshxona"}) {
            assertThat(ids(spot.near("q=" + q))).as(q).containsExactly(barber.salonId().toString());
        }
        assertThat(ids(spot.near("q=волосы"))).containsExactly(hair.salonId().toString());
        assertThat(ids(spot.near("q=hair"))).containsExactly(hair.salonId().toString());
    }

    @Test
    void nameHitsRankAboveServiceHitsAboveDescriptionHits() {
        Spot spot = Spot.random();
        String t = token();
        SalonFixture byDescription = spot.salon(0);
        Db.update("UPDATE salon SET description_en = ?, description_uz = ?, rating_avg = 5.0, rating_count = 90"
                + " WHERE id = ?", "Ask for " + t + " at the desk", t + " haqida soʻrang", byDescription.salonId());
        SalonFixture byService = spot.salon(1);
        // Several service hits and a description hit do not add up to a name hit.
        Db.update("UPDATE salon SET rating_avg = 4.5, rating_count = 40, description_en = ? WHERE id = ?",
                "The " + t + " ritual, by " + t + " masters", byService.salonId());
        Db.update("UPDATE salon_service SET name_en = ? WHERE id = ?", t + " ritual", byService.serviceId());
        Db.update("UPDATE salon_service SET name_en = ?, name_uz = ? WHERE id = ?", t + " massage", t + " massaji",
                byService.otherServiceId());
        // The word only once in the names (English); the others carry it more often, at lower weights.
        SalonFixture byName = salon("Студия Гулноза", "Gulnoza studiyasi", t + " Studio", spot.lat() + 0.002,
                spot.lon());
        Db.update("UPDATE salon SET rating_avg = 3.1, rating_count = 2 WHERE id = ?", byName.salonId());

        // Relevance beats rating: name, then service, then description.
        assertThat(ids("q=" + t)).containsExactly(byName.salonId().toString(), byService.salonId().toString(),
                byDescription.salonId().toString());
        assertThat(ids(spot.near("q=" + t + "&sort=relevance"))).containsExactly(byName.salonId().toString(),
                byService.salonId().toString(), byDescription.salonId().toString());
        // The same words under another order.
        assertThat(ids("q=" + t + "&sort=rating")).containsExactly(byDescription.salonId().toString(),
                byService.salonId().toString(), byName.salonId().toString());
    }

    @Test
    void uzbekCyrillicAndLatinMeetInDescriptionsToo() {
        Spot spot = Spot.random();
        SalonFixture f = spot.salon(0);
        spot.salon(1);
        Db.update("UPDATE salon SET description_uz = 'Yangi gʻoyalar va qulay narxlar' WHERE id = ?", f.salonId());

        for (String q : new String[] {"ғоялар", "g'oyalar", "goyalar", "Gʻoyalar", "ҒОЯЛАР"}) {
            assertThat(ids(spot.near("q=" + q))).as(q).containsExactly(f.salonId().toString());
        }
    }

    @Test
    void theDocumentFollowsEveryWrite() {
        Spot spot = Spot.random();
        SalonFixture f = spot.salon(0);
        String owner = TestTokens.owner(f.ownerId());

        // Salon texts through the owner API.
        String described = token();
        given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("descriptionEn", "Known for " + described))
                .put("/api/salons/{id}", f.salonId()).then().statusCode(200);
        assertThat(ids("q=" + described)).containsExactly(f.salonId().toString());
        String renamed = token();
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("nameEn", renamed + " Lounge"))
                .put("/api/salons/{id}", f.salonId()).then().statusCode(200);
        assertThat(documentMatches(f, renamed)).isTrue();
        assertThat(documentMatches(f, "Salon")).isTrue();   // still its ru/uz names
        // An update that leaves the texts alone keeps the document.
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("phone", "+998901112233"))
                .put("/api/salons/{id}", f.salonId()).then().statusCode(200);
        assertThat(documentMatches(f, described)).isTrue();

        // Services: created, renamed, deleted.
        String polish = token();
        Map<String, Object> body = new HashMap<>(Map.of("categoryId", EPILATION, "nameRu", "Шугаринг", "nameUz",
                "Shugaring", "nameEn", polish + " sugaring", "durationMinutes", 45, "priceTiyin", 9_000_000L));
        String service = given().auth().oauth2(owner).contentType(ContentType.JSON).body(body)
                .post("/api/salons/{id}/services", f.salonId()).then().statusCode(201).extract().path("id");
        assertThat(documentMatches(f, polish)).isTrue();
        assertThat(documentMatches(f, "эпиляции")).isTrue();   // its category, in Russian
        assertThat(ids(spot.near("q=шугаринга"))).containsExactly(f.salonId().toString());
        String other = token();
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("nameEn", other + " wax"))
                .put("/api/salons/{s}/services/{v}", f.salonId(), service).then().statusCode(200);
        assertThat(documentMatches(f, other)).isTrue();
        assertThat(documentMatches(f, polish)).isFalse();
        given().auth().oauth2(owner).delete("/api/salons/{s}/services/{v}", f.salonId(), service)
                .then().statusCode(204);
        assertThat(documentMatches(f, other)).isFalse();
        assertThat(documentMatches(f, "эпиляции")).isFalse();
        assertThat(ids(spot.near("q=шугаринга"))).isEmpty();

        // A renamed category reaches the salons that offer it.
        Db.update("INSERT INTO salon_service (id, salon_id, category_id, name_ru, name_uz, name_en, duration_minutes,"
                + " price_tiyin) VALUES (?, ?, ?, 'Воск', 'Mum', 'Wax', 30, 5000000)", UUID.randomUUID(), f.salonId(),
                EPILATION);
        String category = token();
        String before = (String) Db.scalar("SELECT name_en FROM category WHERE id = ?", EPILATION);
        try {
            Db.update("UPDATE category SET name_en = ? WHERE id = ?", category, EPILATION);
            assertThat(documentMatches(f, category)).isTrue();
        } finally {
            Db.update("UPDATE category SET name_en = ? WHERE id = ?", before, EPILATION);
        }
        assertThat(documentMatches(f, category)).isFalse();
    }
}
