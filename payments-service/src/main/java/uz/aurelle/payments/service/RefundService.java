package uz.aurelle.payments.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.payments.OrderState;
import uz.aurelle.payments.PaymentOrder;
import uz.aurelle.payments.Provider;
import uz.aurelle.payments.ProviderTransaction;
import uz.aurelle.payments.Refund;
import uz.aurelle.payments.TransactionState;
import uz.aurelle.payments.client.ClickMerchantClient;
import uz.aurelle.payments.client.MarketplaceClient;
import uz.aurelle.payments.client.MarketplaceDtos.RefundRequest;
import uz.aurelle.payments.config.Merchants;
import uz.aurelle.payments.repository.PaymentOrderRepository;
import uz.aurelle.payments.repository.ProviderTransactionRepository;
import uz.aurelle.payments.repository.RefundRepository;

/**
 * Turns marketplace's refund decisions into refunds. Click: full refunds go through the Merchant API
 * reversal. Payme and Uzum refunds are started from the provider's cabinet by an admin (state MANUAL);
 * the provider's own CancelTransaction / reverse callback then completes them. Cash and card at the
 * salon are refunded at the counter and confirmed by an admin. Partial refunds are always MANUAL.
 */
@ApplicationScoped
public class RefundService {

    private final MarketplaceClient marketplace;
    private final ClickMerchantClient clickMerchant;
    private final Merchants merchants;
    private final PaymentOrderRepository orders;
    private final ProviderTransactionRepository transactions;
    private final RefundRepository refunds;
    private final PaymentLifecycle lifecycle;
    private final Clock clock;

    public RefundService(MarketplaceClient marketplace, ClickMerchantClient clickMerchant, Merchants merchants,
                         PaymentOrderRepository orders, ProviderTransactionRepository transactions,
                         RefundRepository refunds, PaymentLifecycle lifecycle, Clock clock) {
        this.marketplace = marketplace;
        this.clickMerchant = clickMerchant;
        this.merchants = merchants;
        this.orders = orders;
        this.transactions = transactions;
        this.refunds = refunds;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Scheduled(every = "${aurelle.payments.refunds.poll-every:30s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return pollOnce().onFailure().recoverWithItem(failure -> {
            Log.warnf("refund poll failed: %s", failure.toString());
            return null;
        });
    }

    public Uni<Void> pollOnce() {
        return marketplace.pendingRefundRequests()
                .chain(requests -> Multi.createFrom().iterable(requests)
                        .onItem().transformToUniAndConcatenate(request -> accept(request)
                                .onFailure().recoverWithItem(failure -> {
                                    Log.errorf("refund request %s could not be processed: %s", request.id(), failure);
                                    return null;
                                }))
                        .collect().asList())
                .chain(this::retryPendingClick);
    }

    /** Records the refund for a decision once (unique refund_request_id); returns a Click refund to execute. */
    Uni<UUID> accept(RefundRequest request) {
        return Panache.withTransaction(() -> refunds.find("refundRequestId", request.id()).firstResult()
                .chain(existing -> existing != null ? Uni.createFrom().<UUID>nullItem()
                        : paidOrder(request)
                                .chain(found -> found == null ? noPayment(request)
                                        : orders.lock(found.id).chain(order -> record(order, request)))))
                .chain(clickRefund -> clickRefund == null ? Uni.createFrom().<UUID>nullItem()
                        : executeClick(clickRefund).replaceWith(clickRefund));
    }

    /**
     * The payment the decision names; requests without one (older marketplace rows) are matched by booking,
     * the chain's first booking included, since a rescheduled booking's payment belongs to an earlier id.
     */
    private Uni<PaymentOrder> paidOrder(RefundRequest request) {
        List<OrderState> paid = List.of(OrderState.PAID, OrderState.REFUNDED);
        if (request.paymentId() != null) {
            return orders.find("id = ?1 and state in ?2", request.paymentId(), paid).firstResult();
        }
        List<UUID> bookings = request.originalBookingId() == null ? List.of(request.bookingId())
                : List.of(request.bookingId(), request.originalBookingId());
        return orders.find("bookingId in ?1 and state in ?2 order by paidAt desc", bookings, paid).firstResult();
    }

    private Uni<UUID> noPayment(RefundRequest request) {
        Log.warnf("refund request %s for booking %s (payment %s): no paid payment here", request.id(),
                request.bookingId(), request.paymentId());
        return Uni.createFrom().nullItem();
    }

    private Uni<UUID> record(PaymentOrder order, RefundRequest request) {
        Instant now = clock.instant();
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.orderId = order.id;
        refund.refundRequestId = request.id();
        refund.provider = order.provider;
        refund.amount = request.amount();
        refund.reason = request.reason() == null ? null
                : request.reason().substring(0, Math.min(500, request.reason().length()));
        refund.createdAt = now;
        refund.updatedAt = now;
        if (order.state == OrderState.REFUNDED) {
            // The provider already gave the money back (Payme -2, Uzum reverse).
            refund.state = Refund.State.DONE;
            return refunds.persist(refund)
                    .chain(() -> lifecycle.enqueueRefundAck(order, request.id(), "DONE"))
                    .replaceWith((UUID) null);
        }
        if (request.amount() <= 0 || request.amount() > order.amount) {
            refund.state = Refund.State.FAILED;
            refund.lastError = "refund amount " + request.amount() + " outside 1.." + order.amount;
            return refunds.persist(refund)
                    .chain(() -> lifecycle.enqueueRefundAck(order, request.id(), "FAILED"))
                    .replaceWith((UUID) null);
        }
        boolean automatic = order.provider == Provider.CLICK && request.amount() == order.amount;
        refund.state = automatic ? Refund.State.PENDING : Refund.State.MANUAL;
        Log.infof("refund %s of payment %s (%s, %d tiyin): %s", refund.id, order.id, order.provider,
                refund.amount, refund.state);
        return refunds.persist(refund)
                .chain(() -> lifecycle.enqueueRefundAck(order, request.id(), "ACCEPTED"))
                .replaceWith(automatic ? refund.id : null);
    }

    private Uni<Void> retryPendingClick(Object ignored) {
        return Panache.withSession(() -> refunds.list("state = ?1 and provider = ?2", Refund.State.PENDING,
                        Provider.CLICK))
                .chain(pending -> Multi.createFrom().iterable(pending)
                        .onItem().transformToUniAndConcatenate(refund -> executeClick(refund.id))
                        .collect().asList())
                .replaceWithVoid();
    }

    /** Click Merchant API reversal; success completes the refund, a Click refusal fails it. */
    Uni<Void> executeClick(UUID refundId) {
        return Panache.withSession(() -> refunds.findById(refundId).chain(refund -> transactions
                        .find("orderId = ?1 and provider = ?2 and state = ?3", refund.orderId, Provider.CLICK,
                                TransactionState.PERFORMED).<ProviderTransaction>firstResult()))
                .chain(tx -> {
                    if (tx == null || tx.clickPaydocId == null) {
                        return finishClick(refundId, false, "no completed Click payment to reverse");
                    }
                    var merchant = merchants.click(tx.merchant).orElseThrow();
                    return clickMerchant.reverse(merchant, tx.clickPaydocId)
                            .chain(result -> result.errorCode() == 0 ? finishClick(refundId, true, null)
                                    : finishClick(refundId, false, "Click error " + result.errorCode() + ": "
                                            + result.errorNote()))
                            .onFailure().recoverWithUni(failure -> Panache.withTransaction(() -> refunds.findById(refundId)
                                    .invoke(refund -> {
                                        refund.lastError = "Click Merchant API unreachable: " + failure;
                                        refund.updatedAt = clock.instant();
                                    })).replaceWithVoid());
                });
    }

    private Uni<Void> finishClick(UUID refundId, boolean ok, String error) {
        return Panache.withTransaction(() -> refunds.findById(refundId).chain(refund -> orders.lock(refund.orderId)
                .chain(order -> {
                    if (refund.state != Refund.State.PENDING) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = clock.instant();
                    refund.updatedAt = now;
                    if (!ok) {
                        refund.state = Refund.State.FAILED;
                        refund.lastError = error;
                        Log.errorf("Click refund %s failed: %s", refund.id, error);
                        return refund.refundRequestId == null ? Uni.createFrom().voidItem()
                                : lifecycle.enqueueRefundAck(order, refund.refundRequestId, "FAILED").replaceWithVoid();
                    }
                    refund.state = Refund.State.DONE;
                    refund.lastError = null;
                    return transactions.find("orderId = ?1 and provider = ?2 and state = ?3", order.id, Provider.CLICK,
                                    TransactionState.PERFORMED).<ProviderTransaction>firstResult()
                            .invoke(tx -> {
                                if (tx == null) {
                                    return;
                                }
                                tx.state = TransactionState.REVERSED;
                                tx.cancelTimeMs = now.toEpochMilli();
                                tx.updatedAt = now;
                            })
                            .chain(() -> lifecycle.refundDone(order, refund, now))
                            .replaceWithVoid();
                })));
    }

    /** An admin confirms a MANUAL refund was made (provider cabinet or at the salon). */
    public Uni<Refund> confirmManual(UUID refundId) {
        return Panache.withTransaction(() -> refunds.findById(refundId).chain(refund -> {
            if (refund == null) {
                throw ApiException.notFound("refund_not_found", "No such refund.");
            }
            if (refund.state != Refund.State.MANUAL) {
                throw ApiException.conflict("refund_not_manual", "Only a refund waiting for manual action can be confirmed.");
            }
            return orders.lock(refund.orderId).chain(order -> {
                Instant now = clock.instant();
                refund.state = Refund.State.DONE;
                refund.updatedAt = now;
                return lifecycle.refundDone(order, refund, now).replaceWith(refund);
            });
        }));
    }
}
