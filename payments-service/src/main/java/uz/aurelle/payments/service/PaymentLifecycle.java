package uz.aurelle.payments.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import uz.aurelle.common.audit.AuditEvent;
import uz.aurelle.common.audit.AuditLog;
import uz.aurelle.payments.OrderState;
import uz.aurelle.payments.OutboxEvent;
import uz.aurelle.payments.PaymentOrder;
import uz.aurelle.payments.Refund;
import uz.aurelle.payments.client.MarketplaceDtos;
import uz.aurelle.payments.repository.OutboxEventRepository;
import uz.aurelle.payments.repository.RefundRepository;

/**
 * Order state changes shared by every provider. Each must run inside the caller's database
 * transaction, with the order row locked: the outbox event is written in that same transaction.
 */
@ApplicationScoped
public class PaymentLifecycle {

    private final OutboxEventRepository outbox;
    private final RefundRepository refunds;
    private final Commission commission;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditLog auditLog;

    public PaymentLifecycle(OutboxEventRepository outbox, RefundRepository refunds, Commission commission,
                            ObjectMapper json, Clock clock, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.outbox = outbox;
        this.refunds = refunds;
        this.commission = commission;
        this.json = json;
        this.clock = clock;
    }

    public Uni<PaymentOrder> markPaid(PaymentOrder order, Instant at) {
        Commission.Split split = commission.split(order.provider, order.amount);
        order.state = OrderState.PAID;
        order.paidAt = at;
        order.commissionBps = split.bps();
        order.commission = split.commission();
        order.netAmount = split.net();
        order.updatedAt = at;
        Log.infof("payment %s paid via %s: %d tiyin (commission %d, net %d)", order.id, order.provider,
                order.amount, split.commission(), split.net());
        return enqueue(order, OutboxEvent.Type.PAID, at)
                .call(() -> auditLog.record(auditEvent("payment.paid", order).detail("commission", split.commission())
                        .detail("netAmount", split.net())))
                .replaceWith(order);
    }

    /** An open order is abandoned: the booking's hold extension is released. */
    public Uni<PaymentOrder> cancelOpen(PaymentOrder order, Instant at) {
        order.state = OrderState.CANCELLED;
        order.cancelledAt = at;
        order.updatedAt = at;
        Log.infof("payment %s cancelled before payment (%s)", order.id, order.provider);
        return enqueue(order, OutboxEvent.Type.HOLD_RELEASE, at)
                .call(() -> auditLog.record(auditEvent("payment.cancelled", order)))
                .replaceWith(order);
    }

    /**
     * A paid order's money went back through the provider (Payme cancel -2, Uzum reverse). If a refund
     * was already expected (marketplace's refund decision, waiting for the provider), it is completed
     * and marketplace hears REFUNDED; otherwise a refund record is created and marketplace hears
     * PAYMENT_CANCELLED (the booking loses its payment).
     */
    public Uni<PaymentOrder> reversePaid(PaymentOrder order, Instant at, Refund.State refundState, String reason) {
        order.state = OrderState.REFUNDED;
        order.cancelledAt = at;
        order.updatedAt = at;
        return refunds.find("orderId = ?1 and state in ?2", order.id, List.of(Refund.State.PENDING, Refund.State.MANUAL))
                .firstResult()
                .chain(expected -> {
                    if (expected != null) {
                        expected.state = Refund.State.DONE;
                        expected.updatedAt = at;
                        return refundDone(order, expected, at);
                    }
                    Refund refund = new Refund();
                    refund.id = UUID.randomUUID();
                    refund.orderId = order.id;
                    refund.provider = order.provider;
                    refund.amount = order.amount;
                    refund.state = refundState;
                    refund.reason = reason;
                    refund.createdAt = at;
                    refund.updatedAt = at;
                    Log.infof("payment %s reversed by %s: %d tiyin back to the client", order.id, order.provider,
                            order.amount);
                    return refunds.persist(refund)
                            .chain(() -> enqueue(order, OutboxEvent.Type.PAYMENT_CANCELLED, at))
                            .call(() -> auditLog.record(auditEvent("payment.reversed", order).detail("reason", reason)))
                            .replaceWith(order);
                });
    }

    /** A refund asked for by marketplace is done: order REFUNDED, marketplace told (event + ack). */
    public Uni<PaymentOrder> refundDone(PaymentOrder order, Refund refund, Instant at) {
        order.state = OrderState.REFUNDED;
        order.cancelledAt = order.cancelledAt == null ? at : order.cancelledAt;
        order.updatedAt = at;
        Log.infof("refund %s of payment %s done: %d tiyin", refund.id, order.id, refund.amount);
        return enqueue(order, OutboxEvent.Type.REFUNDED, at)
                .chain(() -> refund.refundRequestId == null ? Uni.createFrom().nullItem()
                        : enqueueRefundAck(order, refund.refundRequestId, "DONE"))
                .call(() -> auditLog.record(auditEvent("payment.refunded", order).detail("refund", refund.id.toString())
                        .detail("refundAmount", refund.amount)))
                .replaceWith(order);
    }

    /** Durable acknowledgement of a marketplace refund decision (ACCEPTED, DONE or FAILED). */
    public Uni<OutboxEvent> enqueueRefundAck(PaymentOrder order, UUID refundRequestId, String status) {
        OutboxEvent event = newEvent(order, OutboxEvent.Type.REFUND_ACK);
        try {
            event.payload = json.writeValueAsString(java.util.Map.of("refundRequestId", refundRequestId.toString(),
                    "paymentId", order.id.toString(), "status", status));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a refund ack", e);
        }
        return outbox.persist(event);
    }

    /** A money-relevant change for the hash-chained audit log (written in the same transaction). */
    private static AuditEvent auditEvent(String action, PaymentOrder order) {
        return AuditEvent.of(action)
                .actor(order.recordedBy != null ? AuditEvent.ActorType.USER : AuditEvent.ActorType.PROVIDER,
                        order.recordedBy != null ? order.recordedBy : order.provider.name())
                .target("payment", order.id)
                .detail("bookingId", order.bookingId.toString())
                .detail("provider", order.provider.name())
                .detail("amount", order.amount);
    }

    public Uni<OutboxEvent> enqueue(PaymentOrder order, OutboxEvent.Type type, Instant at) {
        OutboxEvent event = newEvent(order, type);
        event.payload = payload(event.id, type, order, at);
        return outbox.persist(event);
    }

    private static OutboxEvent newEvent(PaymentOrder order, OutboxEvent.Type type) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.bookingId = order.bookingId;
        event.orderId = order.id;
        event.type = type;
        event.attempts = 0;
        // Delivery scheduling uses wall time: the business clock may be moved by tests.
        Instant now = Instant.now();
        event.nextAttemptAt = now;
        event.createdAt = now;
        return event;
    }

    private String payload(UUID eventId, OutboxEvent.Type type, PaymentOrder order, Instant at) {
        if (type == OutboxEvent.Type.HOLD_RELEASE) {
            return "{}";
        }
        try {
            return json.writeValueAsString(new MarketplaceDtos.PaymentEvent(eventId, type.name(), order.id,
                    order.provider.name(), order.amount, at.atOffset(ZoneOffset.UTC)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise payment event", e);
        }
    }

    public Instant now() {
        return clock.instant();
    }
}
