package uz.aurelle.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uz.aurelle.common.testing.FakeSentry;

/** Refresh-token reuse reaches Sentry (a local fake receiving the real envelopes), without secrets or PII. */
@QuarkusTest
@WithTestResource(FakeSentry.class)
class SentryAlertTest {

    @Test
    void tokenReuseIsReportedWithoutTokensOrPhoneNumbers() {
        String phone = Fixtures.phone();
        UUID userId = Fixtures.newUser(phone);
        Fixtures.Tokens tokens = Fixtures.tokens(phone);
        String successor = Fixtures.refresh(tokens.refresh()).then().statusCode(200).extract().path("refresh_token");
        Fixtures.refresh(tokens.refresh()).then().statusCode(400);

        FakeSentry.ReceivedEvent received = FakeSentry.awaitEvent(userId.toString());
        assertThat(received.event().path("level").asText()).isEqualTo("warning");
        assertThat(received.rawEnvelope()).contains("Refresh token reuse").contains("tokenFamily")
                .doesNotContain(tokens.refresh()).doesNotContain(successor).doesNotContain(tokens.access())
                .doesNotContain(phone).doesNotContain(Fixtures.PASSWORD);
    }
}
