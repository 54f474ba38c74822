package uz.aurelle.payments.client;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uz.aurelle.payments.client.MarketplaceDtos.PayableBooking;
import uz.aurelle.payments.client.MarketplaceDtos.PaymentEvent;
import uz.aurelle.payments.client.MarketplaceDtos.PaymentEventAck;
import uz.aurelle.payments.client.MarketplaceDtos.RefundRequest;

/**
 * marketplace-service seen from payments: SERVICE token attached, failures classified, and
 * timeouts, retries and a circuit breaker around every call. A 404/409 is an answer, not a failure.
 */
@ApplicationScoped
public class MarketplaceClient {

    private final MarketplaceApi api;
    private final ServiceTokenProvider tokens;

    public MarketplaceClient(@RestClient MarketplaceApi api, ServiceTokenProvider tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, abortOn = MarketplaceException.Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000,
            skipOn = MarketplaceException.Refused.class)
    public Uni<PayableBooking> payable(UUID bookingId) {
        return call("payable " + bookingId, auth -> api.payable(bookingId, auth));
    }

    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, abortOn = MarketplaceException.Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000,
            skipOn = MarketplaceException.Refused.class)
    public Uni<Void> extendHold(UUID bookingId, OffsetDateTime until) {
        return call("hold " + bookingId, auth -> api.extendHold(bookingId, auth, new MarketplaceDtos.Hold(until)));
    }

    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000,
            skipOn = MarketplaceException.Refused.class)
    public Uni<Void> releaseHold(UUID bookingId) {
        return call("release hold " + bookingId, auth -> api.releaseHold(bookingId, auth));
    }

    /** Not retried here: the outbox worker retries with its own back-off. */
    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000,
            skipOn = MarketplaceException.Refused.class)
    public Uni<PaymentEventAck> paymentEvent(UUID bookingId, PaymentEvent event) {
        return call("payment event " + event.eventId(), auth -> api.paymentEvent(bookingId, auth, event));
    }

    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000,
            skipOn = MarketplaceException.Refused.class)
    public Uni<List<RefundRequest>> pendingRefundRequests() {
        return call("refund requests", auth -> api.refundRequests("PENDING", auth));
    }

    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000,
            skipOn = MarketplaceException.Refused.class)
    public Uni<Void> ackRefundRequest(UUID id, UUID paymentId, String status) {
        return call("refund ack " + id, auth -> api.ackRefundRequest(id, auth,
                new MarketplaceDtos.RefundAck(paymentId, status)));
    }

    private <T> Uni<T> call(String what, Function<String, Uni<T>> request) {
        return tokens.authorization()
                .chain(auth -> request.apply(auth))
                .onFailure().transform(failure -> classify(what, failure));
    }

    private Throwable classify(String what, Throwable failure) {
        if (failure instanceof MarketplaceException) {
            return failure;
        }
        if (failure instanceof WebApplicationException wae && wae.getResponse() != null) {
            int status = wae.getResponse().getStatus();
            if (status == 404) {
                return new MarketplaceException.Refused(MarketplaceException.Kind.NOT_FOUND, status,
                        what + ": not found", failure);
            }
            if (status == 409) {
                return new MarketplaceException.Refused(MarketplaceException.Kind.CONFLICT, status,
                        what + ": conflict", failure);
            }
            if (status == 401) {
                tokens.invalidate();
            }
            Log.warnf("marketplace %s failed with HTTP %d", what, status);
            return new MarketplaceException(MarketplaceException.Kind.UNAVAILABLE, status,
                    what + ": HTTP " + status, failure);
        }
        Log.warnf("marketplace %s failed: %s", what, failure.toString());
        return new MarketplaceException(MarketplaceException.Kind.UNAVAILABLE, 0, what + ": " + failure, failure);
    }
}
