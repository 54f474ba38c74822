package uz.aurelle.payments.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed configuration of payments-service. Provider credentials are kept per merchant (cash desk);
 * the merchant named {@code default} is read from the platform-wide environment variables
 * (PAYME_KEY, CLICK_SECRET_KEY, UZUM_PASSWORD, ...). The "open points" of PROTOCOLS.md are switches here.
 */
@ConfigMapping(prefix = "aurelle.payments")
public interface PaymentsConfig {

    String DEFAULT_MERCHANT = "default";

    /** Prefix of the placeholder credentials in application.properties (used when no env var is set). */
    String LOCAL_DEV_PREFIX = "local-dev-";

    /**
     * Whether the committed local-dev placeholder credentials may authenticate anyone. Off by default,
     * so a deployment that forgot a provider secret refuses that provider instead of trusting a
     * value published in the repository; on in dev and test.
     */
    @WithDefault("false")
    boolean localDevCredentialsAllowed();

    Payme payme();

    Click click();

    Uzum uzum();

    /** Platform commission in basis points per provider (lower-case provider name, e.g. {@code payme=150}). */
    @WithName("commission-bps")
    Map<String, Integer> commissionBps();

    Outbox outbox();

    ServiceAccount serviceAccount();

    interface Payme {
        /** {@code https://checkout.paycom.uz}; the sandbox is {@code https://test.paycom.uz}. */
        @WithDefault("https://checkout.paycom.uz")
        String checkoutUrl();

        /** A transaction not performed within this time of its Payme {@code time} is cancelled (reason 4). */
        @WithDefault("PT12H")
        Duration timeout();

        /** Send the fiscal receipt {@code detail} in CheckPerformTransaction. */
        @WithDefault("true")
        boolean fiscalDetail();

        /** Optional defence in depth: accept calls only from Payme's addresses. Off by default. */
        @WithDefault("false")
        boolean ipAllowlistEnabled();

        @WithDefault("185.234.113.1,185.234.113.2,185.234.113.3,185.234.113.4,185.234.113.5,185.234.113.6,185.234.113.7,185.234.113.8,185.234.113.9,185.234.113.10,185.234.113.11,185.234.113.12,185.234.113.13,185.234.113.14,185.234.113.15")
        List<String> allowedAddresses();

        Map<String, PaymeMerchant> merchants();
    }

    interface PaymeMerchant {
        /** Payme cash-desk id (the {@code m=} of the checkout link). */
        String merchantId();

        /** Cash-desk key (TEST_KEY in the sandbox); ChangePassword may later replace it. */
        String key();

        /** Salons paid into this cash desk; salons not listed anywhere use {@code default}. */
        Optional<List<String>> salons();
    }

    interface Click {
        @WithDefault("https://my.click.uz/services/pay")
        String checkoutUrl();

        /** How long the booking stays held after a successful Prepare. */
        @WithDefault("PT30M")
        Duration holdDuration();

        /**
         * Open point: Complete with {@code error < 0} on an already confirmed payment answers -4 (default,
         * older docs and Click's tester) or, when true, -9 (newer collection). Never refunds on this path.
         */
        @WithDefault("false")
        boolean cancelledAnswerOnConfirmed();

        Map<String, ClickMerchant> merchants();
    }

    interface ClickMerchant {
        long serviceId();

        String merchantId();

        String merchantUserId();

        String secretKey();

        Optional<List<String>> salons();
    }

    interface Uzum {
        @WithDefault("https://www.uzumbank.uz/open-service")
        String checkoutUrl();

        /** A CREATED transaction not confirmed within this time becomes FAILED. */
        @WithDefault("PT30M")
        Duration confirmTimeout();

        /** Open point: false (default) answers replays with the stored result; true with 10010/10016/10018. */
        @WithDefault("false")
        boolean replayErrorCodes();

        /** Open point: HTTP status of FAILED answers, 200 (default) or 400. */
        @WithDefault("200")
        int failedHttpStatus();

        @WithDefault("100")
        long minAmount();

        @WithDefault("100000000000")
        long maxAmount();

        Map<String, UzumMerchant> merchants();
    }

    interface UzumMerchant {
        String serviceId();

        String login();

        String password();

        /** When set, the raw body must carry a valid {@code X-Signature} (hex HMAC-SHA256). */
        Optional<String> signingSecret();

        Optional<List<String>> salons();
    }

    Sweeper sweeper();

    Refunds refunds();

    /** Polls marketplace for refund decisions of cancelled paid bookings. */
    interface Refunds {
        @WithDefault("30s")
        String pollEvery();
    }

    interface Outbox {
        /** Poll interval of the delivery worker (scheduler syntax, e.g. {@code 2s}). */
        @WithDefault("2s")
        String pollEvery();

        @WithDefault("20")
        int batchSize();

        /** First retry delay; doubles per attempt up to {@link #maxBackoff()}. */
        @WithDefault("PT2S")
        Duration initialBackoff();

        @WithDefault("PT5M")
        Duration maxBackoff();
    }

    /** Cancels provider transactions that outlived their protocol's time limit. */
    interface Sweeper {
        @WithDefault("60s")
        String every();
    }

    /** Client-credentials account of payments-service at auth-service. */
    interface ServiceAccount {
        @WithDefault("payments-service")
        String clientId();

        String clientSecret();

        /** Renew the cached token this long before it expires. */
        @WithDefault("PT60S")
        Duration renewBefore();
    }
}
