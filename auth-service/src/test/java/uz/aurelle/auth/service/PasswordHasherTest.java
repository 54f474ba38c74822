package uz.aurelle.auth.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.error.ApiException;

/** The hashing primitives themselves (the HTTP-level behaviour is covered by the endpoint tests). */
class PasswordHasherTest {

    @Test
    void argon2idWithOwaspParametersInPhcFormat() {
        String hash = PasswordHasher.hashNow("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void saltedSoTheSamePasswordGivesDifferentHashes() {
        String first = PasswordHasher.hashNow("correct horse battery staple");
        String second = PasswordHasher.hashNow("correct horse battery staple");
        assertThat(first).isNotEqualTo(second);
        assertThat(PasswordHasher.verifyNow("correct horse battery staple", first)).isTrue();
        assertThat(PasswordHasher.verifyNow("correct horse battery staple", second)).isTrue();
    }

    @Test
    void wrongPasswordsFail() {
        String hash = PasswordHasher.hashNow("correct horse battery staple");
        assertThat(PasswordHasher.verifyNow("correct horse battery stapl", hash)).isFalse();
        assertThat(PasswordHasher.verifyNow("Correct horse battery staple", hash)).isFalse();
        assertThat(PasswordHasher.verifyNow(" correct horse battery staple", hash)).isFalse();
        assertThat(PasswordHasher.verifyNow("", hash)).isFalse();
    }

    @Test
    void longPasswordsAreNotTruncated() {
        String base = "x".repeat(99);
        String hash = PasswordHasher.hashNow(base + "a");
        assertThat(PasswordHasher.verifyNow(base + "a", hash)).isTrue();
        assertThat(PasswordHasher.verifyNow(base + "b", hash)).isFalse();

        String veryLong = "пароль-🔐-".repeat(25);
        String longHash = PasswordHasher.hashNow(veryLong);
        assertThat(PasswordHasher.verifyNow(veryLong, longHash)).isTrue();
        assertThat(PasswordHasher.verifyNow(veryLong.substring(0, veryLong.length() - 1), longHash)).isFalse();
    }

    @Test
    void aFloodIsBoundedInsteadOfQueuedWithoutLimit() {
        Vertx vertx = Vertx.vertx();
        try {
            // One hash at a time, one waiting: of ten simultaneous requests, the rest are turned away at once.
            PasswordHasher hasher = new PasswordHasher(vertx, 1, 1);
            List<Uni<String>> flood = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                flood.add(hasher.hash("flood password " + i).onFailure().recoverWithItem(e ->
                        e instanceof ApiException api ? api.code() + ":" + api.status() : e.toString()));
            }
            List<String> results = Uni.join().all(flood).andFailFast().await().atMost(Duration.ofSeconds(30));
            assertThat(results).filteredOn(r -> r.startsWith("$argon2id$")).hasSizeBetween(1, 2);
            assertThat(results).filteredOn(r -> r.equals("auth_busy:503")).hasSizeGreaterThanOrEqualTo(8);
            // Capacity comes back once the work is done.
            assertThat(hasher.hash("after the flood").await().atMost(Duration.ofSeconds(10))).startsWith("$argon2id$");
            hasher.close();
        } finally {
            vertx.closeAndAwait();
        }
    }

    @Test
    void garbageStoredHashesNeverVerify() {
        assertThat(PasswordHasher.verifyNow("anything", null)).isFalse();
        assertThat(PasswordHasher.verifyNow("anything", "!anonymised")).isFalse();
        assertThat(PasswordHasher.verifyNow("anything", "plaintext")).isFalse();
    }
}
