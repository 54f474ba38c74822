package uz.aurelle.payments.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uz.aurelle.common.sentry.ErrorReporter;
import uz.aurelle.common.security.Signatures;
import uz.aurelle.payments.OrderState;
import uz.aurelle.payments.PaymentOrder;
import uz.aurelle.payments.Provider;
import uz.aurelle.payments.ProviderTransaction;
import uz.aurelle.payments.TransactionState;
import uz.aurelle.payments.client.MarketplaceClient;
import uz.aurelle.payments.client.MarketplaceException;
import uz.aurelle.payments.config.Merchants;
import uz.aurelle.payments.config.PaymentsConfig;
import uz.aurelle.payments.repository.PaymentOrderRepository;
import uz.aurelle.payments.repository.ProviderTransactionRepository;

/**
 * Click SHOP API Prepare/Complete (PROTOCOLS.md §2). Checks run in the documented order: fields (-8),
 * signature over the literal fields (-1), action (-3), order (-5), amount in exact tiyin (-2),
 * already paid (-4), prepare id (-6), cancelled or Click's negative error (-9).
 */
@ApplicationScoped
public class ClickService {

    public static final int SUCCESS = 0;
    public static final int SIGN_FAILED = -1;
    public static final int BAD_AMOUNT = -2;
    public static final int ACTION_NOT_FOUND = -3;
    public static final int ALREADY_PAID = -4;
    public static final int ORDER_NOT_FOUND = -5;
    public static final int TRANSACTION_NOT_FOUND = -6;
    public static final int UPDATE_FAILED = -7;
    public static final int BAD_REQUEST = -8;
    public static final int CANCELLED = -9;

    private static final Map<Integer, String> NOTES = Map.of(
            SUCCESS, "Success",
            SIGN_FAILED, "SIGN CHECK FAILED!",
            BAD_AMOUNT, "Incorrect parameter amount",
            ACTION_NOT_FOUND, "Action not found",
            ALREADY_PAID, "Already paid",
            ORDER_NOT_FOUND, "User does not exist",
            TRANSACTION_NOT_FOUND, "Transaction does not exist",
            UPDATE_FAILED, "Failed to update user",
            BAD_REQUEST, "Error in request from click",
            CANCELLED, "Transaction cancelled");

    private static final List<String> PREPARE_FIELDS = List.of("click_trans_id", "service_id", "click_paydoc_id",
            "merchant_trans_id", "amount", "action", "error", "sign_time", "sign_string");

    /** Our answer and what the webhook log records about the call. */
    public record Answer(String body, int error, String merchant, String clickTransId, UUID orderId) {
    }

    private static final class ClickError extends RuntimeException {
        final int code;
        final Long preparedId;

        ClickError(int code, Long preparedId) {
            super(NOTES.get(code), null, false, false);
            this.code = code;
            this.preparedId = preparedId;
        }
    }

    private final Merchants merchants;
    private final PaymentsConfig config;
    private final PaymentOrderRepository orders;
    private final ProviderTransactionRepository transactions;
    private final PaymentLifecycle lifecycle;
    private final MarketplaceClient marketplace;
    private final ObjectMapper json;
    private final Clock clock;
    private final ErrorReporter errors;

    public ClickService(Merchants merchants, PaymentsConfig config, PaymentOrderRepository orders,
                        ProviderTransactionRepository transactions, PaymentLifecycle lifecycle,
                        MarketplaceClient marketplace, ObjectMapper json, Clock clock, ErrorReporter errors) {
        this.errors = errors;
        this.merchants = merchants;
        this.config = config;
        this.orders = orders;
        this.transactions = transactions;
        this.lifecycle = lifecycle;
        this.marketplace = marketplace;
        this.json = json;
        this.clock = clock;
    }

    /** {@code md5(click_trans_id + service_id + SECRET + merchant_trans_id + amount + action + sign_time)}. */
    public static String prepareSignature(Map<String, String> f, String secret) {
        return Signatures.md5Hex(f.get("click_trans_id") + f.get("service_id") + secret + f.get("merchant_trans_id")
                + f.get("amount") + f.get("action") + f.get("sign_time"));
    }

    /** Complete adds {@code merchant_prepare_id} after {@code merchant_trans_id}. */
    public static String completeSignature(Map<String, String> f, String secret) {
        return Signatures.md5Hex(f.get("click_trans_id") + f.get("service_id") + secret + f.get("merchant_trans_id")
                + f.get("merchant_prepare_id") + f.get("amount") + f.get("action") + f.get("sign_time"));
    }

    public Uni<Answer> prepare(Map<String, String> fields) {
        return handle(fields, false);
    }

    public Uni<Answer> complete(Map<String, String> fields) {
        return handle(fields, true);
    }

    private Uni<Answer> handle(Map<String, String> f, boolean complete) {
        String merchant;
        UUID orderId = parseUuid(f.get("merchant_trans_id"));
        try {
            merchant = verify(f, complete);
        } catch (ClickError e) {
            return Uni.createFrom().item(answer(f, complete, e.code, null, null, orderId));
        }
        long amount;
        try {
            if (orderId == null) {
                throw new ClickError(ORDER_NOT_FOUND, null);
            }
            amount = tiyin(f.get("amount"));
        } catch (ClickError e) {
            return Uni.createFrom().item(answer(f, complete, e.code, null, merchant, orderId));
        }
        int clickError = Integer.parseInt(f.get("error"));
        long clickTransId = Long.parseLong(f.get("click_trans_id"));
        Uni<Long> work = complete
                ? completeLocked(merchant, orderId, amount, clickTransId, clickError,
                        Long.parseLong(f.get("merchant_prepare_id")))
                : prepareLocked(merchant, orderId, amount, clickTransId, Long.parseLong(f.get("click_paydoc_id")),
                        clickError);
        return work.map(id -> answer(f, complete, SUCCESS, id, merchant, orderId))
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof ClickError e) {
                        return answer(f, complete, e.code, e.preparedId, merchant, orderId);
                    }
                    Log.error("Click call failed unexpectedly", failure);
                    errors.capture(failure, Map.of("provider", "CLICK"));
                    return answer(f, complete, UPDATE_FAILED, null, merchant, orderId);
                });
    }

    /** Fields, merchant by service_id, signature, action. Returns the merchant name. */
    private String verify(Map<String, String> f, boolean complete) {
        for (String field : PREPARE_FIELDS) {
            if (f.get(field) == null || f.get(field).isEmpty()) {
                throw new ClickError(BAD_REQUEST, null);
            }
        }
        if (complete && (f.get("merchant_prepare_id") == null || f.get("merchant_prepare_id").isEmpty())) {
            throw new ClickError(BAD_REQUEST, null);
        }
        if (!isLong(f.get("click_trans_id")) || !isLong(f.get("click_paydoc_id")) || !isInt(f.get("error"))
                || (complete && !isLong(f.get("merchant_prepare_id")))) {
            throw new ClickError(BAD_REQUEST, null);
        }
        String merchant = merchants.clickByServiceId(f.get("service_id"))
                .orElseThrow(() -> new ClickError(BAD_REQUEST, null));
        String secret = merchants.click(merchant).orElseThrow().secretKey();
        if (!merchants.usable(secret)) {
            throw new ClickError(SIGN_FAILED, null);
        }
        String expected = complete ? completeSignature(f, secret) : prepareSignature(f, secret);
        if (!Signatures.hexEquals(expected, f.get("sign_string"))) {
            Log.warnf("Click %s with a bad signature (click_trans_id %s)", complete ? "complete" : "prepare",
                    f.get("click_trans_id"));
            throw new ClickError(SIGN_FAILED, null);
        }
        if (!f.get("action").equals(complete ? "1" : "0")) {
            throw new ClickError(ACTION_NOT_FOUND, null);
        }
        return merchant;
    }

    private Uni<Long> prepareLocked(String merchant, UUID orderId, long amount, long clickTransId, long paydocId,
                                    int clickError) {
        return Panache.withTransaction(() -> orders.lock(orderId).chain(order -> {
            requireOrder(order, merchant, amount);
            return transactions.findByProviderId(Provider.CLICK, String.valueOf(clickTransId)).chain(existing -> {
                if (existing != null) {
                    // Repeated Prepare: the same merchant_prepare_id, unless it was cancelled meanwhile.
                    if (!existing.orderId.equals(order.id) || !existing.merchant.equals(merchant)) {
                        return fail(TRANSACTION_NOT_FOUND);
                    }
                    if (existing.state == TransactionState.CANCELLED) {
                        return fail(CANCELLED);
                    }
                    if (clickError < 0) {
                        return cancel(order, existing).replaceWith(Reply.error(CANCELLED, existing.id));
                    }
                    return Uni.createFrom().item(Reply.ok(existing.id));
                }
                if (order.state == OrderState.CANCELLED || clickError < 0) {
                    return fail(CANCELLED);
                }
                return marketplace.payable(order.bookingId)
                        .onFailure().transform(ClickService::marketplaceError)
                        .chain(view -> {
                            if (view.paid()) {
                                return fail(ALREADY_PAID);
                            }
                            if (!view.payable() || view.amount() != order.amount) {
                                return fail(CANCELLED);
                            }
                            return marketplace.extendHold(order.bookingId,
                                            clock.instant().plus(config.click().holdDuration()).atOffset(ZoneOffset.UTC))
                                    .onFailure().transform(ClickService::marketplaceError)
                                    .chain(() -> insert(order, merchant, clickTransId, paydocId));
                        });
            });
        })).map(Reply::get);
    }

    private Uni<Reply> insert(PaymentOrder order, String merchant, long clickTransId, long paydocId) {
        Instant now = clock.instant();
        ProviderTransaction tx = new ProviderTransaction();
        tx.provider = Provider.CLICK;
        tx.providerTransactionId = String.valueOf(clickTransId);
        tx.merchant = merchant;
        tx.orderId = order.id;
        tx.amount = order.amount;
        tx.state = TransactionState.CREATED;
        tx.clickTransId = clickTransId;
        tx.clickPaydocId = paydocId;
        tx.createTimeMs = now.toEpochMilli();
        tx.createdAt = now;
        tx.updatedAt = now;
        return transactions.persistAndFlush(tx).map(saved -> {
            Log.infof("Click transaction %d prepared for payment %s", clickTransId, order.id);
            return Reply.ok(saved.id);
        });
    }

    private Uni<Long> completeLocked(String merchant, UUID orderId, long amount, long clickTransId, int clickError,
                                     long prepareId) {
        return Panache.withTransaction(() -> orders.lock(orderId).chain(order -> {
            if (order != null && order.state == OrderState.PAID && clickError < 0
                    && config.click().cancelledAnswerOnConfirmed()) {
                // Open point, switched: a late Click failure on a confirmed payment answers -9 (never a refund).
                return fail(CANCELLED);
            }
            requireOrder(order, merchant, amount);
            return transactions.findById(prepareId).chain(tx -> {
                if (tx == null || tx.provider != Provider.CLICK || !tx.merchant.equals(merchant)
                        || !tx.orderId.equals(order.id) || tx.clickTransId == null || tx.clickTransId != clickTransId) {
                    return fail(TRANSACTION_NOT_FOUND);
                }
                if (tx.state == TransactionState.PERFORMED) {
                    // Never refund automatically here; the answer to error < 0 is an open point (config).
                    return fail(clickError < 0 && config.click().cancelledAnswerOnConfirmed() ? CANCELLED
                            : ALREADY_PAID, tx.id);
                }
                if (order.state == OrderState.PAID) {
                    return fail(ALREADY_PAID, tx.id);
                }
                if (tx.state == TransactionState.CANCELLED || order.state != OrderState.CREATED) {
                    return fail(CANCELLED, tx.id);
                }
                if (clickError < 0) {
                    tx.clickError = clickError;
                    return cancel(order, tx).replaceWith(Reply.error(CANCELLED, tx.id));
                }
                return orders.isBookingPaid(order.bookingId).chain(paid -> {
                    if (paid) {
                        return fail(ALREADY_PAID, tx.id);
                    }
                    Instant now = clock.instant();
                    tx.state = TransactionState.PERFORMED;
                    tx.performTimeMs = now.toEpochMilli();
                    tx.merchantConfirmId = tx.id;
                    tx.clickError = clickError;
                    tx.updatedAt = now;
                    return lifecycle.markPaid(order, now).replaceWith(Reply.ok(tx.merchantConfirmId));
                });
            });
        })).map(Reply::get);
    }

    /** Click-side failure or cancellation: our transaction and the open order are cancelled. */
    private Uni<Void> cancel(PaymentOrder order, ProviderTransaction tx) {
        Instant now = clock.instant();
        tx.state = TransactionState.CANCELLED;
        tx.cancelTimeMs = now.toEpochMilli();
        tx.updatedAt = now;
        Log.infof("Click transaction %s cancelled by Click", tx.providerTransactionId);
        return order.state == OrderState.CREATED ? lifecycle.cancelOpen(order, now).replaceWithVoid()
                : Uni.createFrom().voidItem();
    }

    private void requireOrder(PaymentOrder order, String merchant, long amount) {
        if (order == null || order.provider != Provider.CLICK || !order.merchant.equals(merchant)) {
            throw new ClickError(ORDER_NOT_FOUND, null);
        }
        if (order.amount != amount) {
            throw new ClickError(BAD_AMOUNT, null);
        }
        if (order.state == OrderState.PAID || order.state == OrderState.REFUNDED) {
            throw new ClickError(ALREADY_PAID, null);
        }
    }

    /** Reply of a transactional step: an error after a change that must stay is returned, not thrown. */
    private record Reply(Long id, Integer error) {
        static Reply ok(Long id) {
            return new Reply(id, null);
        }

        static Reply error(int error, Long id) {
            return new Reply(id, error);
        }

        Long get() {
            if (error != null) {
                throw new ClickError(error, id);
            }
            return id;
        }
    }

    private static Uni<Reply> fail(int code) {
        return Uni.createFrom().failure(new ClickError(code, null));
    }

    private static Uni<Reply> fail(int code, Long id) {
        return Uni.createFrom().failure(new ClickError(code, id));
    }

    private static Throwable marketplaceError(Throwable failure) {
        if (failure instanceof MarketplaceException me && me.permanent()) {
            return new ClickError(me.kind() == MarketplaceException.Kind.NOT_FOUND ? ORDER_NOT_FOUND : CANCELLED, null);
        }
        Log.warnf("marketplace unavailable during a Click call: %s", failure.toString());
        return new ClickError(UPDATE_FAILED, null);
    }

    /** So'm decimal string → exact tiyin; more than two decimals of precision or garbage → -2. */
    static long tiyin(String amount) {
        try {
            BigDecimal value = new BigDecimal(amount.trim()).movePointRight(2);
            if (value.signum() <= 0) {
                throw new ClickError(BAD_AMOUNT, null);
            }
            return value.longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ClickError(BAD_AMOUNT, null);
        }
    }

    private Answer answer(Map<String, String> f, boolean complete, int error, Long id, String merchant, UUID orderId) {
        ObjectNode out = json.createObjectNode();
        String clickTransId = f.get("click_trans_id");
        if (clickTransId != null && isLong(clickTransId)) {
            out.put("click_trans_id", Long.parseLong(clickTransId));
        } else {
            out.put("click_trans_id", clickTransId);
        }
        out.put("merchant_trans_id", f.get("merchant_trans_id"));
        String idField = complete ? "merchant_confirm_id" : "merchant_prepare_id";
        if (id == null) {
            out.putNull(idField);
        } else {
            out.put(idField, id);
        }
        out.put("error", error);
        out.put("error_note", NOTES.get(error));
        return new Answer(out.toString(), error, merchant, clickTransId, orderId);
    }

    private static boolean isLong(String s) {
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isInt(String s) {
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static UUID parseUuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
