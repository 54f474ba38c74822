package uz.aurelle.marketplace.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.TestTokens;
import uz.aurelle.marketplace.testing.Api;
import uz.aurelle.marketplace.testing.Db;
import uz.aurelle.marketplace.testing.Fixtures;
import uz.aurelle.marketplace.testing.Fixtures.SalonFixture;

/**
 * Linking a MASTER account to a salon's master by consent: owner invites, the person accepts the
 * one-time code, the owner can revoke or unlink. The fixture's first master is linked already (direct
 * DB setup); these tests link the second one through the API.
 */
@QuarkusTest
class MasterInvitationTest {

    static final String ACCEPT = "/api/masters/invitations/accept";

    static String invitations(SalonFixture f, UUID masterId) {
        return "/api/salons/" + f.salonId() + "/masters/" + masterId + "/invitations";
    }

    static String account(SalonFixture f, UUID masterId) {
        return "/api/salons/" + f.salonId() + "/masters/" + masterId + "/account";
    }

    static Response invite(String token, SalonFixture f, UUID masterId) {
        return given().auth().oauth2(token).post(invitations(f, masterId));
    }

    static String inviteOk(SalonFixture f, UUID masterId) {
        return invite(TestTokens.owner(f.ownerId()), f, masterId).then().statusCode(201).extract().path("code");
    }

    static Response accept(String token, Object code) {
        return Api.post(token, ACCEPT, code == null ? null : Map.of("code", code));
    }

    static List<String> calendar(String token) {
        OffsetDateTime from = OffsetDateTime.now().minusDays(1);
        return given().auth().oauth2(token).queryParam("from", from.toString())
                .queryParam("to", from.plusDays(40).toString()).get("/api/masters/me/bookings")
                .then().statusCode(200).extract().jsonPath().getList("id");
    }

    static Object linkedUser(UUID masterId) {
        return Db.scalar("SELECT user_id FROM master WHERE id = ?", masterId);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void inviteAcceptSeeTheCalendarThenUnlinkEndsAccessAtOnce() {
        SalonFixture f = Fixtures.salon();
        UUID master = f.secondMasterId();
        LocalDate day = Fixtures.daysAhead(f.zone(), 3);
        String client = TestTokens.client(UUID.randomUUID());
        String done = Api.bookOk(client, f.serviceId(), master, f.at(day, "10:00"));
        String later = Api.bookOk(client, f.serviceId(), master, f.at(day, "12:00"));
        Api.bookOk(client, f.serviceId(), f.masterId(), f.at(day, "10:00"));
        UUID person = UUID.randomUUID();
        String token = TestTokens.master(person);
        assertThat(calendar(token)).isEmpty();

        String owner = TestTokens.owner(f.ownerId());
        Response created = invite(owner, f, master);
        created.then().statusCode(201)
                .header("Location", endsWith(invitations(f, master)))
                .header("Cache-Control", containsString("no-store"))
                .body("masterId", equalTo(master.toString())).body("salonId", equalTo(f.salonId().toString()))
                .body("code", matchesPattern("^[A-Za-z0-9_-]{43}$")).body("expired", equalTo(false));
        String code = created.path("code");
        Duration ttl = Duration.between(OffsetDateTime.parse(created.path("createdAt")),
                OffsetDateTime.parse(created.path("expiresAt")));
        assertThat(ttl).isEqualTo(Duration.ofDays(7));
        // Only the hash is stored.
        assertThat(Db.scalar("SELECT code_hash FROM master_invitation WHERE master_id = ?", master))
                .isEqualTo(sha256(code));
        assertThat(Db.scalar("SELECT count(*) FROM master_invitation WHERE CAST(master_invitation AS text) LIKE ?",
                "%" + code + "%")).isEqualTo(0L);
        given().auth().oauth2(owner).get(invitations(f, master)).then().statusCode(200)
                .body("$", not(hasKey("code"))).body("expiresAt", equalTo(created.path("expiresAt")));

        accept(token, code).then().statusCode(200)
                .body("id", equalTo(master.toString())).body("linkedAccount", equalTo(true));
        assertThat(linkedUser(master)).isEqualTo(person);
        assertThat(Db.scalar("SELECT accepted_by FROM master_invitation WHERE master_id = ?", master))
                .isEqualTo(person);
        given().auth().oauth2(owner).get(invitations(f, master)).then().statusCode(404)
                .body("code", equalTo("invitation_not_found"));
        // A retry after a lost answer gets the same answer.
        accept(token, code).then().statusCode(200).body("id", equalTo(master.toString()));

        assertThat(calendar(token)).containsExactlyInAnyOrder(done, later);
        Api.shiftIntoPast(done);
        Api.post(token, "/api/bookings/" + done + "/complete", null).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        given().auth().oauth2(token).get("/api/bookings/" + later).then().statusCode(200);

        given().auth().oauth2(owner).delete(account(f, master)).then().statusCode(204);
        assertThat(linkedUser(master)).isNull();
        assertThat(calendar(token)).isEmpty();
        Api.shiftIntoPast(later);
        Api.post(token, "/api/bookings/" + later + "/complete", null).then().statusCode(404)
                .body("code", equalTo("booking_not_found"));
        Api.post(token, "/api/bookings/" + later + "/no-show", null).then().statusCode(404);
        given().auth().oauth2(token).get("/api/bookings/" + later).then().statusCode(404);
        assertThat(Db.scalar("SELECT status FROM booking WHERE id = ?::uuid", later)).isEqualTo("CONFIRMED");
        // The code was single-use: it cannot link the account again.
        accept(token, code).then().statusCode(410).body("code", equalTo("invitation_used"));
        given().auth().oauth2(owner).delete(account(f, master)).then().statusCode(404)
                .body("code", equalTo("master_not_linked"));

        List<List<Object>> audit = Db.query("SELECT action, actor_id, details FROM audit_log WHERE target_type ="
                + " 'master' AND target_id = ? ORDER BY seq", master.toString());
        assertThat(audit).extracting(row -> row.get(0)).containsExactly("master.invitation_created",
                "master.invitation_accepted", "master.account_unlinked");
        assertThat(audit).extracting(row -> row.get(1))
                .containsExactly(f.ownerId().toString(), person.toString(), f.ownerId().toString());
        assertThat(audit).allSatisfy(row -> assertThat((String) row.get(2)).doesNotContain(code)
                .contains(f.salonId().toString()));
    }

    @Test
    void unknownExpiredUsedRevokedReplacedAndDeletedCodesAreRefused() {
        SalonFixture f = Fixtures.salon();
        UUID master = f.secondMasterId();
        String owner = TestTokens.owner(f.ownerId());
        String person = TestTokens.master(UUID.randomUUID());

        accept(person, "x".repeat(43)).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("invitation_invalid"));

        String expired = inviteOk(f, master);
        Db.update("UPDATE master_invitation SET created_at = now() - interval '8 days',"
                + " expires_at = now() - interval '1 day' WHERE code_hash = ?", sha256(expired));
        given().auth().oauth2(owner).get(invitations(f, master)).then().statusCode(200)
                .body("expired", equalTo(true));
        accept(person, expired).then().statusCode(410).body("code", equalTo("invitation_expired"));

        // A new invitation replaces the pending one.
        String replaced = inviteOk(f, master);
        String current = inviteOk(f, master);
        assertThat(Db.scalar("SELECT count(*) FROM master_invitation WHERE master_id = ? AND accepted_at IS NULL"
                + " AND revoked_at IS NULL", master)).isEqualTo(1L);
        accept(person, expired).then().statusCode(410).body("code", equalTo("invitation_revoked"));
        accept(person, replaced).then().statusCode(410).body("code", equalTo("invitation_revoked"));

        given().auth().oauth2(owner).delete(invitations(f, master)).then().statusCode(204);
        accept(person, current).then().statusCode(410).body("code", equalTo("invitation_revoked"));
        given().auth().oauth2(owner).delete(invitations(f, master)).then().statusCode(404)
                .body("code", equalTo("invitation_not_found"));
        assertThat(linkedUser(master)).isNull();

        String used = inviteOk(f, master);
        accept(person, used).then().statusCode(200);
        accept(TestTokens.master(UUID.randomUUID()), used).then().statusCode(410)
                .body("code", equalTo("invitation_used"));

        // Deleting a master kills its pending invitation.
        UUID third = Fixtures.master(f.salonId(), null);
        String orphan = inviteOk(f, third);
        given().auth().oauth2(owner).delete("/api/salons/{s}/masters/{m}", f.salonId(), third).then().statusCode(204);
        accept(TestTokens.master(UUID.randomUUID()), orphan).then().statusCode(410)
                .body("code", equalTo("invitation_revoked"));

        List<Object> actions = Db.query("SELECT action FROM audit_log WHERE target_id = ? ORDER BY seq",
                master.toString()).stream().map(row -> row.get(0)).toList();
        assertThat(actions).contains("master.invitation_revoked");
    }

    @Test
    void onlyTheSalonsOwnerOrAnAdminManagesInvitationsAndLinks() {
        SalonFixture f = Fixtures.salon();
        SalonFixture other = Fixtures.salon();
        UUID master = f.secondMasterId();
        String stranger = TestTokens.owner(other.ownerId());
        inviteOk(f, master);

        // Another owner: someone else's salon looks absent, and their own salon has no such master.
        invite(stranger, f, master).then().statusCode(404).body("code", equalTo("salon_not_found"));
        given().auth().oauth2(stranger).get(invitations(f, master)).then().statusCode(404);
        given().auth().oauth2(stranger).delete(invitations(f, master)).then().statusCode(404);
        given().auth().oauth2(stranger).delete(account(f, f.masterId())).then().statusCode(404)
                .body("code", equalTo("salon_not_found"));
        given().auth().oauth2(stranger).post("/api/salons/{s}/masters/{m}/invitations", other.salonId(), master)
                .then().statusCode(404).body("code", equalTo("master_not_found"));
        given().auth().oauth2(stranger).delete("/api/salons/{s}/masters/{m}/account", other.salonId(), f.masterId())
                .then().statusCode(404).body("code", equalTo("master_not_found"));
        // Wrong roles never reach the salon.
        for (String token : List.of(TestTokens.client(f.ownerId()), TestTokens.master(f.masterUserId()))) {
            invite(token, f, master).then().statusCode(403);
            given().auth().oauth2(token).delete(account(f, f.masterId())).then().statusCode(403);
        }
        given().post(invitations(f, master)).then().statusCode(401);
        assertThat(linkedUser(f.masterId())).isEqualTo(f.masterUserId());
        given().auth().oauth2(TestTokens.owner(f.ownerId())).get(invitations(f, master)).then().statusCode(200);

        // An admin may act for any salon.
        String admin = TestTokens.admin(UUID.randomUUID());
        invite(admin, f, master).then().statusCode(201);
        given().auth().oauth2(admin).delete(account(f, f.masterId())).then().statusCode(204);
        assertThat(linkedUser(f.masterId())).isNull();
    }

    @Test
    void acceptingNeedsAMasterToken() {
        SalonFixture f = Fixtures.salon();
        String code = inviteOk(f, f.secondMasterId());
        UUID person = UUID.randomUUID();

        accept(TestTokens.client(person), code).then().statusCode(403).contentType("application/problem+json");
        accept(TestTokens.owner(f.ownerId()), code).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("code", code)).post(ACCEPT).then().statusCode(401);
        accept(TestTokens.service("payments-service"), code).then().statusCode(403);
        assertThat(linkedUser(f.secondMasterId())).isNull();
        // The code is still good for a MASTER account (a CLIENT who added the role, with a fresh token).
        accept(TestTokens.forUser(person, "CLIENT", "MASTER"), code).then().statusCode(200);
        assertThat(linkedUser(f.secondMasterId())).isEqualTo(person);
    }

    @Test
    void linksConflict() {
        SalonFixture f = Fixtures.salon();
        String owner = TestTokens.owner(f.ownerId());
        // The fixture's first master is linked: no invitation until the owner unlinks it.
        invite(owner, f, f.masterId()).then().statusCode(409).body("code", equalTo("master_already_linked"));

        // One account, one master per salon.
        String code = inviteOk(f, f.secondMasterId());
        accept(TestTokens.master(f.masterUserId()), code).then().statusCode(409)
                .body("code", equalTo("already_master_in_salon"));
        given().auth().oauth2(owner).get(invitations(f, f.secondMasterId())).then().statusCode(200);

        // Linked meanwhile to someone else (as if by a concurrent acceptance): the code cannot take it over.
        UUID someoneElse = UUID.randomUUID();
        Db.update("UPDATE master SET user_id = ? WHERE id = ?", someoneElse, f.secondMasterId());
        accept(TestTokens.master(UUID.randomUUID()), code).then().statusCode(409)
                .body("code", equalTo("master_already_linked"));
        assertThat(linkedUser(f.secondMasterId())).isEqualTo(someoneElse);

        // The same account may work in another salon, and then sees both calendars.
        SalonFixture second = Fixtures.salon();
        String client = TestTokens.client(UUID.randomUUID());
        String here = Api.bookOk(client, f.serviceId(), f.masterId(), f.at(Fixtures.daysAhead(f.zone(), 2), "10:00"));
        String there = Api.bookOk(client, second.serviceId(), second.secondMasterId(),
                second.at(Fixtures.daysAhead(second.zone(), 2), "11:00"));
        String token = TestTokens.master(f.masterUserId());
        accept(token, inviteOk(second, second.secondMasterId())).then().statusCode(200);
        assertThat(calendar(token)).containsExactlyInAnyOrder(here, there);
    }

    @Test
    void concurrentAcceptancesLinkOnce() throws Exception {
        SalonFixture f = Fixtures.salon();
        // Two people race for one code: exactly one wins.
        String code = inviteOk(f, f.secondMasterId());
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        List<String> outcomes = race(() -> accept(TestTokens.master(alice), code),
                () -> accept(TestTokens.master(bob), code));
        assertThat(outcomes).containsExactlyInAnyOrder("200", "410 invitation_used");
        assertThat(linkedUser(f.secondMasterId())).isIn(alice, bob);

        // One person races for two masters of one salon: PostgreSQL's unique index lets one link through.
        SalonFixture g = Fixtures.salon();
        UUID third = Fixtures.master(g.salonId(), null);
        String first = inviteOk(g, g.secondMasterId());
        String other = inviteOk(g, third);
        String carol = TestTokens.master(UUID.randomUUID());
        List<String> both = race(() -> accept(carol, first), () -> accept(carol, other));
        assertThat(both).containsExactlyInAnyOrder("200", "409 already_master_in_salon");
        assertThat(Db.scalar("SELECT count(*) FROM master WHERE salon_id = ? AND user_id IS NOT NULL"
                + " AND id <> ?", g.salonId(), g.masterId())).isEqualTo(1L);
    }

    @Test
    void badBodiesAre400ProblemsAndUserIdCannotBeSetDirectly() {
        SalonFixture f = Fixtures.salon();
        String person = TestTokens.master(UUID.randomUUID());
        accept(person, null).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed"));
        Api.post(person, ACCEPT, Map.of()).then().statusCode(400).body("code", equalTo("validation_failed"));
        accept(person, " ").then().statusCode(400).body("code", equalTo("validation_failed"));
        accept(person, "a".repeat(129)).then().statusCode(400).body("code", equalTo("validation_failed"));
        accept(person, Map.of("nested", 1)).then().statusCode(400).body("code", equalTo("malformed_body"));
        given().auth().oauth2(person).contentType(ContentType.JSON).body("{\"code\":").post(ACCEPT).then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed_body"));

        // The owner's master body no longer links accounts, and says so rather than ignoring the field.
        String owner = TestTokens.owner(f.ownerId());
        String masters = "/api/salons/" + f.salonId() + "/masters";
        given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("name", "Sevara", "userId", UUID.randomUUID().toString())).post(masters)
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("master_account_not_settable"));
        given().auth().oauth2(owner).contentType(ContentType.JSON).body("{\"name\":\"Sevara\",\"userId\":null}")
                .post(masters).then().statusCode(400).body("code", equalTo("master_account_not_settable"));
        given().auth().oauth2(owner).contentType(ContentType.JSON).body("{\"userId\":null}")
                .put(masters + "/" + f.masterId()).then().statusCode(400)
                .body("code", equalTo("master_account_not_settable"));
        given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("userId", UUID.randomUUID().toString())).put(masters + "/" + f.secondMasterId())
                .then().statusCode(400);
        assertThat(linkedUser(f.masterId())).isEqualTo(f.masterUserId());
        assertThat(linkedUser(f.secondMasterId())).isNull();
        assertThat(Db.scalar("SELECT count(*) FROM master WHERE salon_id = ?", f.salonId())).isEqualTo(2L);
        // Without it the body works as before.
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("name", "Sevara")).post(masters)
                .then().statusCode(201).body("linkedAccount", equalTo(false)).body("id", notNullValue());
    }

    @Test
    void acceptIsRateLimitedPerUser() {
        String person = TestTokens.master(UUID.randomUUID());
        for (int i = 0; i < 10; i++) {
            accept(person, "guess-" + i).then().statusCode(404);
        }
        accept(person, "guess-10").then().statusCode(429).header("Retry-After", notNullValue())
                .contentType("application/problem+json");
        // Someone else is not affected.
        accept(TestTokens.master(UUID.randomUUID()), "guess-0").then().statusCode(404);
    }

    /** Starts the calls together; each outcome is the status, plus the problem code of an error. */
    @SafeVarargs
    private static List<String> race(Supplier<Response>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (Supplier<Response> call : calls) {
                results.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    Response response = call.get();
                    return response.statusCode() < 400 ? String.valueOf(response.statusCode())
                            : response.statusCode() + " " + response.path("code");
                }, pool));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (CompletableFuture<String> result : results) {
                outcomes.add(result.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
