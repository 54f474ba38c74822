package uz.aurelle.payments.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import uz.aurelle.common.sentry.ErrorReporter;
import uz.aurelle.payments.OutboxEvent;
import uz.aurelle.payments.client.MarketplaceClient;
import uz.aurelle.payments.client.MarketplaceDtos;
import uz.aurelle.payments.client.MarketplaceException;
import uz.aurelle.payments.config.PaymentsConfig;
import uz.aurelle.payments.repository.OutboxEventRepository;

/**
 * Delivers outbox events to marketplace until acknowledged. Events are claimed with a lease
 * (SKIP LOCKED + pushed next_attempt_at) so several pods never send the same event at once;
 * failures back off exponentially; a permanent refusal (404/409) parks the event for an admin.
 * marketplace deduplicates on eventId, so a redelivery after a lost acknowledgement is harmless.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private final OutboxEventRepository outbox;
    private final MarketplaceClient marketplace;
    private final PaymentsConfig config;
    private final ObjectMapper json;
    private final ErrorReporter errors;

    public OutboxWorker(OutboxEventRepository outbox, MarketplaceClient marketplace, PaymentsConfig config,
                        ObjectMapper json, ErrorReporter errors) {
        this.errors = errors;
        this.outbox = outbox;
        this.marketplace = marketplace;
        this.config = config;
        this.json = json;
    }

    @Scheduled(every = "${aurelle.payments.outbox.poll-every:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return deliverDue().replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    Log.error("outbox poll failed", failure);
                    return null;
                });
    }

    /** One pass: claim due events, send each, record the outcome. Returns how many were delivered. */
    public Uni<Integer> deliverDue() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> outbox.lockDue(now, config.outbox().batchSize())
                        .invoke(events -> events.forEach(e -> {
                            e.attempts++;
                            e.nextAttemptAt = now.plus(LEASE);
                        })))
                .chain(events -> Multi.createFrom().iterable(events)
                        .onItem().transformToUniAndConcatenate(this::deliver)
                        .collect().asList())
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> deliver(OutboxEvent event) {
        return send(event)
                .replaceWith((Throwable) null)
                .onFailure().recoverWithItem(failure -> failure)
                .chain(failure -> record(event, outcomeOf(event, failure), failure));
    }

    private Uni<Void> send(OutboxEvent event) {
        if (event.type == OutboxEvent.Type.HOLD_RELEASE) {
            // 404/409 mean there is no extension left to release: done.
            return marketplace.releaseHold(event.bookingId);
        }
        if (event.type == OutboxEvent.Type.REFUND_ACK) {
            try {
                var ack = json.readTree(event.payload);
                return marketplace.ackRefundRequest(java.util.UUID.fromString(ack.get("refundRequestId").asText()),
                        java.util.UUID.fromString(ack.get("paymentId").asText()), ack.get("status").asText());
            } catch (Exception e) {
                return Uni.createFrom().failure(e);
            }
        }
        MarketplaceDtos.PaymentEvent body;
        try {
            body = json.readValue(event.payload, MarketplaceDtos.PaymentEvent.class);
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
        return marketplace.paymentEvent(event.bookingId, body)
                .invoke(ack -> Log.infof("marketplace acknowledged %s %s for booking %s (applied=%s, status=%s)",
                        event.type, event.id, event.bookingId, ack == null ? null : ack.applied(),
                        ack == null ? null : ack.bookingStatus()))
                .replaceWithVoid();
    }

    private enum Outcome {
        DELIVERED, RETRY, REFUSED
    }

    private static Outcome outcomeOf(OutboxEvent event, Throwable failure) {
        if (failure == null) {
            return Outcome.DELIVERED;
        }
        if (failure instanceof MarketplaceException me && me.permanent()) {
            return event.type == OutboxEvent.Type.HOLD_RELEASE ? Outcome.DELIVERED : Outcome.REFUSED;
        }
        return Outcome.RETRY;
    }

    private Uni<Boolean> record(OutboxEvent claimed, Outcome outcome, Throwable failure) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> outbox.findById(claimed.id).invoke(event -> {
            switch (outcome) {
                case DELIVERED -> {
                    event.deliveredAt = now;
                    event.lastError = null;
                }
                case REFUSED -> {
                    event.failedAt = now;
                    event.lastError = truncate(String.valueOf(failure));
                    Log.errorf("marketplace refused %s %s for booking %s: needs an admin", event.type, event.id,
                            event.bookingId);
                    errors.captureMessage("marketplace refused a payment event", io.sentry.SentryLevel.ERROR,
                            java.util.Map.of("eventId", event.id.toString(), "type", event.type.name(),
                                    "bookingId", event.bookingId.toString()));
                }
                case RETRY -> {
                    event.nextAttemptAt = now.plus(backoff(event.attempts));
                    event.lastError = truncate(String.valueOf(failure));
                }
            }
        })).map(event -> outcome == Outcome.DELIVERED);
    }

    Duration backoff(int attempts) {
        Duration initial = config.outbox().initialBackoff();
        Duration max = config.outbox().maxBackoff();
        int exponent = Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = initial.multipliedBy(1L << exponent);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
