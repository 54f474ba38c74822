package uz.aurelle.payments.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uz.aurelle.common.security.Signatures;
import uz.aurelle.payments.config.PaymentsConfig;

/**
 * Click Merchant API calls with the {@code Auth: merchant_user_id:sha1(timestamp + secret_key):timestamp}
 * header. A reversal moves money, so it is never retried blindly: a failure leaves the refund pending.
 */
@ApplicationScoped
public class ClickMerchantClient {

    private final ClickMerchantApi api;
    private final Clock clock;

    public ClickMerchantClient(@RestClient ClickMerchantApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    public static String authHeader(String merchantUserId, String secretKey, long timestampSeconds) {
        return merchantUserId + ":" + Signatures.sha1Hex(timestampSeconds + secretKey) + ":" + timestampSeconds;
    }

    @Timeout(10000)
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 0.6, delay = 30000)
    public Uni<ClickMerchantApi.Reversal> reverse(PaymentsConfig.ClickMerchant merchant, long paymentId) {
        String auth = authHeader(merchant.merchantUserId(), merchant.secretKey(), clock.instant().getEpochSecond());
        return api.reverse(merchant.serviceId(), paymentId, auth);
    }
}
