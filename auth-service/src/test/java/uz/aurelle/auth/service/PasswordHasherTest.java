package uz.aurelle.auth.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
    void garbageStoredHashesNeverVerify() {
        assertThat(PasswordHasher.verifyNow("anything", null)).isFalse();
        assertThat(PasswordHasher.verifyNow("anything", "!anonymised")).isFalse();
        assertThat(PasswordHasher.verifyNow("anything", "plaintext")).isFalse();
    }
}
