package uz.aurelle.common.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sentry.Sentry;
import io.sentry.protocol.SentryId;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without aurelle.sentry.dsn (common's default test config) nothing is initialised or sent. */
@QuarkusTest
class SentryOffTest {

    @Inject
    ErrorReporter reporter;

    @Test
    void sentryIsOffWithoutADsn() {
        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(reporter.capture(new IllegalStateException("x"), Map.of())).isEqualTo(SentryId.EMPTY_ID);
    }
}
