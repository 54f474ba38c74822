package uz.aurelle.common.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.SentryEvent;
import io.sentry.protocol.Request;
import io.sentry.protocol.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiScrubberTest {

    @Test
    void cardsNeedLuhnAndPlausibleLength() {
        assertThat(PiiScrubber.text("card 4111111111111111")).isEqualTo("card [card]");
        assertThat(PiiScrubber.text("card 4111-1111-1111-1111 ok")).isEqualTo("card [card] ok");
        assertThat(PiiScrubber.text("amex 378282246310005")).isEqualTo("amex [card]");
        assertThat(PiiScrubber.text("order 4111111111111112")).isEqualTo("order 4111111111111112");
        assertThat(PiiScrubber.text("amount 150000")).isEqualTo("amount 150000");
    }

    @Test
    void uzbekAndInternationalPhonesAreMasked() {
        assertThat(PiiScrubber.text("+998901234567")).isEqualTo("[phone]");
        assertThat(PiiScrubber.text("tel: +998 (90) 123-45-67.")).isEqualTo("tel: [phone].");
        assertThat(PiiScrubber.text("998901234567 called")).isEqualTo("[phone] called");
        assertThat(PiiScrubber.text("+447911123456")).isEqualTo("[phone]");
    }

    @Test
    void secretsInTextAreMasked() {
        assertThat(PiiScrubber.text("login failed password=hunter2 user=x")).isEqualTo(
                "login failed password=[redacted] user=x");
        assertThat(PiiScrubber.text("{\"refresh_token\": \"abc\"}")).doesNotContain("abc");
        assertThat(PiiScrubber.text("Authorization: Bearer eyJhbGciOi.eyJzdWIi.c2ln")).doesNotContain("eyJ");
        assertThat(PiiScrubber.text("Basic UGF5Y29tOktFWQ==")).isEqualTo("Basic [redacted]");
    }

    @Test
    void eventScrubbingCoversRequestExtrasTagsAndUser() {
        SentryEvent event = new SentryEvent();
        Request request = new Request();
        request.setUrl("https://api.aurelle.uz/api/auth/login?password=x&lang=ru");
        request.setHeaders(Map.of("Authorization", "Bearer x", "Cookie", "a=b", "Accept", "application/json",
                "X-Refresh-Token", "r"));
        request.setCookies("a=b");
        request.setData(Map.of("phone", "+998901234567", "password", "p", "deep", List.of(Map.of("otp", "123456"))));
        event.setRequest(request);
        event.setExtra("sessionToken", "t");
        event.setExtra("safe", "value");
        event.setTag("api_key", "k");
        User user = new User();
        user.setId("u-1");
        user.setEmail("a@b.uz");
        user.setIpAddress("10.0.0.1");
        user.setUsername("dilnoza");
        event.setUser(user);

        PiiScrubber.scrub(event);

        assertThat(event.getRequest().getUrl()).isEqualTo("https://api.aurelle.uz/api/auth/login");
        assertThat(event.getRequest().getQueryString()).isEqualTo("password=[redacted]&lang=ru");
        assertThat(event.getRequest().getHeaders()).containsOnlyKeys("Accept", "X-Refresh-Token")
                .containsEntry("X-Refresh-Token", "[redacted]");
        assertThat(event.getRequest().getCookies()).isNull();
        assertThat(event.getRequest().getData().toString()).doesNotContain("+998901234567", "=p,", "123456");
        assertThat(event.getExtras()).containsEntry("sessionToken", "[redacted]").containsEntry("safe", "value");
        assertThat(event.getTags()).containsEntry("api_key", "[redacted]");
        assertThat(event.getUser().getId()).isEqualTo("u-1");
        assertThat(event.getUser().getEmail()).isNull();
        assertThat(event.getUser().getIpAddress()).isNull();
        assertThat(event.getUser().getUsername()).isNull();
    }
}
