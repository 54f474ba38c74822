package uz.aurelle.payments.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uz.aurelle.common.sentry.ErrorReporter;
import uz.aurelle.common.security.BasicCredentials;
import uz.aurelle.common.security.Signatures;
import uz.aurelle.payments.OrderState;
import uz.aurelle.payments.PaymentOrder;
import uz.aurelle.payments.Provider;
import uz.aurelle.payments.ProviderTransaction;
import uz.aurelle.payments.Refund;
import uz.aurelle.payments.TransactionState;
import uz.aurelle.payments.client.MarketplaceClient;
import uz.aurelle.payments.client.MarketplaceException;
import uz.aurelle.payments.config.Merchants;
import uz.aurelle.payments.config.PaymentsConfig;
import uz.aurelle.payments.repository.PaymentOrderRepository;
import uz.aurelle.payments.repository.ProviderTransactionRepository;

/**
 * Uzum Bank Merchant API webhooks (PROTOCOLS.md §3): Basic auth + serviceId, optional HMAC-SHA256
 * of the raw body, the 30-minute confirm rule, durable state before every answer.
 */
@ApplicationScoped
public class UzumService {

    public static final int ACCESS_DENIED = 10001;
    public static final int JSON_PARSE = 10002;
    public static final int INVALID_OPERATION = 10003;
    public static final int MISSING_PARAMETERS = 10005;
    public static final int INVALID_SERVICE_ID = 10006;
    public static final int ORDER_NOT_FOUND = 10007;
    public static final int ALREADY_PAID = 10008;
    public static final int PAYMENT_CANCELLED = 10009;
    public static final int TRANS_ALREADY_CREATED = 10010;
    public static final int INVALID_AMOUNT = 10011;
    public static final int BELOW_MINIMUM = 10012;
    public static final int ABOVE_MAXIMUM = 10013;
    public static final int TRANS_NOT_FOUND = 10014;
    public static final int TRANS_CANCELLED = 10015;
    public static final int ALREADY_CONFIRMED = 10016;
    public static final int CANNOT_REVERSE = 10017;
    public static final int ALREADY_REVERSED = 10018;
    public static final int INTERNAL = 99999;

    /** Cancel reasons kept in provider_transaction.reason for Uzum: told apart in {@code status}. */
    private static final int REASON_TIMEOUT = 4;
    private static final int REASON_REVERSED = 5;

    public record Answer(int httpStatus, String body, String merchant, String transId, UUID orderId) {
    }

    private static final class UzumError extends RuntimeException {
        final int code;

        UzumError(int code) {
            super("Uzum error " + code, null, false, false);
            this.code = code;
        }
    }

    private final PaymentsConfig config;
    private final Merchants merchants;
    private final PaymentOrderRepository orders;
    private final ProviderTransactionRepository transactions;
    private final PaymentLifecycle lifecycle;
    private final MarketplaceClient marketplace;
    private final ObjectMapper json;
    private final Clock clock;
    private final ErrorReporter errors;

    public UzumService(PaymentsConfig config, Merchants merchants, PaymentOrderRepository orders,
                       ProviderTransactionRepository transactions, PaymentLifecycle lifecycle,
                       MarketplaceClient marketplace, ObjectMapper json, Clock clock, ErrorReporter errors) {
        this.errors = errors;
        this.config = config;
        this.merchants = merchants;
        this.orders = orders;
        this.transactions = transactions;
        this.lifecycle = lifecycle;
        this.marketplace = marketplace;
        this.json = json;
        this.clock = clock;
    }

    public Uni<Answer> handle(String operation, String authorization, String signature, byte[] rawBody) {
        byte[] raw = rawBody == null ? new byte[0] : rawBody;
        JsonNode body = parseOrNull(raw);
        JsonNode serviceId = body != null && body.has("serviceId") ? body.get("serviceId") : NullNode.getInstance();
        String transId = body != null && body.path("transId").isTextual() ? body.get("transId").asText() : null;
        UUID orderId = parseUuid(body == null ? null : body.path("params").path("order_id").asText(null));

        String merchant = authenticate(authorization);
        if (merchant == null) {
            return Uni.createFrom().item(failed(ACCESS_DENIED, serviceId, transId, null, orderId));
        }
        PaymentsConfig.UzumMerchant credentials = config.uzum().merchants().get(merchant);
        Optional<String> secret = credentials.signingSecret().filter(s -> !s.isBlank());
        if (secret.isPresent() && !Signatures.verifyHmacSha256Hex(secret.get(), raw, signature)) {
            Log.warnf("Uzum %s with a missing or bad X-Signature", operation);
            return Uni.createFrom().item(failed(ACCESS_DENIED, serviceId, transId, merchant, orderId));
        }
        if (body == null || !body.isObject()) {
            return Uni.createFrom().item(failed(JSON_PARSE, serviceId, transId, merchant, orderId));
        }
        if (serviceId.isNull() || serviceId.isMissingNode()) {
            return Uni.createFrom().item(failed(MISSING_PARAMETERS, serviceId, transId, merchant, orderId));
        }
        if (!serviceId.asText().equals(credentials.serviceId())) {
            return Uni.createFrom().item(failed(INVALID_SERVICE_ID, serviceId, transId, merchant, orderId));
        }
        Uni<ObjectNode> work;
        try {
            work = switch (operation) {
                case "check" -> check(merchant, body);
                case "create" -> create(merchant, body);
                case "confirm" -> confirm(merchant, body);
                case "reverse" -> reverse(merchant, body);
                case "status" -> status(merchant, body);
                default -> throw new UzumError(INVALID_OPERATION);
            };
        } catch (UzumError e) {
            return Uni.createFrom().item(failed(e.code, serviceId, transId, merchant, orderId));
        }
        return work.map(result -> {
                    ObjectNode out = json.createObjectNode();
                    out.set("serviceId", serviceId);
                    out.setAll(result);
                    return new Answer(200, out.toString(), merchant, transId, orderId);
                })
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof UzumError e) {
                        return failed(e.code, serviceId, transId, merchant, orderId);
                    }
                    Log.error("Uzum call failed unexpectedly", failure);
                    errors.capture(failure, Map.of("provider", "UZUM"));
                    return failed(INTERNAL, serviceId, transId, merchant, orderId);
                });
    }

    /** Basic credentials of one configured merchant, compared in constant time against every merchant. */
    private String authenticate(String authorization) {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(authorization);
        String match = null;
        for (Map.Entry<String, PaymentsConfig.UzumMerchant> m : config.uzum().merchants().entrySet()) {
            boolean ok = credentials.map(c -> c.matches(m.getValue().login(), m.getValue().password())).orElse(false)
                    & merchants.usable(m.getValue().password());
            if (ok && match == null) {
                match = m.getKey();
            }
        }
        return match;
    }

    // ---------------------------------------------------------------- check

    private Uni<ObjectNode> check(String merchant, JsonNode body) {
        UUID orderId = requireOrderId(body);
        return Panache.withSession(() -> orders.findById(orderId))
                .invoke(order -> requireOpenOrder(order, merchant))
                .chain(order -> marketplace.payable(order.bookingId)
                        .onFailure().transform(UzumService::marketplaceError)
                        .map(view -> {
                            if (view.paid()) {
                                throw new UzumError(ALREADY_PAID);
                            }
                            if (!view.payable() || view.amount() != order.amount) {
                                throw new UzumError(PAYMENT_CANCELLED);
                            }
                            ObjectNode out = json.createObjectNode();
                            out.put("timestamp", clock.millis());
                            out.put("status", "OK");
                            out.set("data", data(order));
                            return out;
                        }));
    }

    // ---------------------------------------------------------------- create

    private Uni<ObjectNode> create(String merchant, JsonNode body) {
        String transId = requireTransId(body);
        UUID orderId = requireOrderId(body);
        JsonNode amountNode = body.get("amount");
        if (amountNode == null || amountNode.isNull()) {
            throw new UzumError(MISSING_PARAMETERS);
        }
        if (!amountNode.isIntegralNumber() || !amountNode.canConvertToLong()) {
            throw new UzumError(INVALID_AMOUNT);
        }
        long amount = amountNode.asLong();
        return Panache.withTransaction(() -> transactions.findByProviderId(Provider.UZUM, transId).chain(existing -> {
            if (existing != null) {
                if (!existing.orderId.equals(orderId) || !existing.merchant.equals(merchant)
                        || config.uzum().replayErrorCodes()) {
                    throw new UzumError(TRANS_ALREADY_CREATED);
                }
                return orders.findById(existing.orderId).map(order -> created(existing, order));
            }
            return orders.lock(orderId).chain(order -> {
                requireOpenOrder(order, merchant);
                if (amount < config.uzum().minAmount()) {
                    throw new UzumError(BELOW_MINIMUM);
                }
                if (amount > config.uzum().maxAmount()) {
                    throw new UzumError(ABOVE_MAXIMUM);
                }
                if (amount != order.amount) {
                    throw new UzumError(INVALID_AMOUNT);
                }
                return marketplace.payable(order.bookingId)
                        .onFailure().transform(UzumService::marketplaceError)
                        .chain(view -> {
                            if (view.paid()) {
                                throw new UzumError(ALREADY_PAID);
                            }
                            if (!view.payable() || view.amount() != order.amount) {
                                throw new UzumError(PAYMENT_CANCELLED);
                            }
                            return marketplace.extendHold(order.bookingId, clock.instant()
                                            .plus(config.uzum().confirmTimeout()).atOffset(ZoneOffset.UTC))
                                    .onFailure().transform(UzumService::marketplaceError);
                        })
                        .chain(() -> insert(order, merchant, transId))
                        .map(tx -> created(tx, order));
            });
        }));
    }

    private Uni<ProviderTransaction> insert(PaymentOrder order, String merchant, String transId) {
        Instant now = clock.instant();
        ProviderTransaction tx = new ProviderTransaction();
        tx.provider = Provider.UZUM;
        tx.providerTransactionId = transId;
        tx.merchant = merchant;
        tx.orderId = order.id;
        tx.amount = order.amount;
        tx.state = TransactionState.CREATED;
        // The 30-minute rule runs from our create time; the sweeper reads it from provider_time_ms.
        tx.providerTimeMs = now.toEpochMilli();
        tx.createTimeMs = now.toEpochMilli();
        tx.createdAt = now;
        tx.updatedAt = now;
        Log.infof("Uzum transaction %s created for payment %s", transId, order.id);
        return transactions.persistAndFlush(tx);
    }

    private ObjectNode created(ProviderTransaction tx, PaymentOrder order) {
        return answer(tx, order, "CREATED", "transTime", tx.createTimeMs);
    }

    /** Uzum's success answer: the transaction, its new status and the time of that step, in this field order. */
    private ObjectNode answer(ProviderTransaction tx, PaymentOrder order, String status, String timeField, Long timeMs) {
        ObjectNode out = json.createObjectNode();
        out.put("transId", tx.providerTransactionId);
        out.put("status", status);
        out.put(timeField, timeMs);
        out.set("data", data(order));
        out.put("amount", tx.amount);
        return out;
    }

    // ---------------------------------------------------------------- confirm / reverse / status

    private Uni<ObjectNode> confirm(String merchant, JsonNode body) {
        String transId = requireTransId(body);
        return locked(merchant, transId, (order, tx) -> {
            switch (tx.state) {
                case PERFORMED:
                    if (config.uzum().replayErrorCodes()) {
                        throw new UzumError(ALREADY_CONFIRMED);
                    }
                    return Uni.createFrom().item(Reply.ok(confirmed(tx, order)));
                case CREATED:
                    if (expired(tx)) {
                        return fail(order, tx).replaceWith(Reply.error(TRANS_CANCELLED));
                    }
                    if (order.state == OrderState.PAID) {
                        throw new UzumError(ALREADY_PAID);
                    }
                    if (order.state != OrderState.CREATED) {
                        throw new UzumError(PAYMENT_CANCELLED);
                    }
                    return orders.isBookingPaid(order.bookingId).chain(paid -> {
                        if (paid) {
                            throw new UzumError(ALREADY_PAID);
                        }
                        Instant now = clock.instant();
                        tx.state = TransactionState.PERFORMED;
                        tx.performTimeMs = now.toEpochMilli();
                        tx.uzumPaymentSource = truncate(body.path("paymentSource").asText(null), 64);
                        tx.uzumPhoneMasked = mask(body.path("phone").asText(null));
                        tx.updatedAt = now;
                        return lifecycle.markPaid(order, now).map(ignored -> Reply.ok(confirmed(tx, order)));
                    });
                default:
                    throw new UzumError(TRANS_CANCELLED);
            }
        });
    }

    private ObjectNode confirmed(ProviderTransaction tx, PaymentOrder order) {
        return answer(tx, order, "CONFIRMED", "confirmTime", tx.performTimeMs);
    }

    private Uni<ObjectNode> reverse(String merchant, JsonNode body) {
        String transId = requireTransId(body);
        return locked(merchant, transId, (order, tx) -> {
            if (isReversed(tx)) {
                if (config.uzum().replayErrorCodes()) {
                    throw new UzumError(ALREADY_REVERSED);
                }
                return Uni.createFrom().item(Reply.ok(reversed(tx, order)));
            }
            Instant now = clock.instant();
            if (tx.state == TransactionState.CREATED) {
                cancel(tx, TransactionState.CANCELLED, REASON_REVERSED, now);
                return (order.state == OrderState.CREATED ? lifecycle.cancelOpen(order, now)
                        : Uni.createFrom().item(order)).map(ignored -> Reply.ok(reversed(tx, order)));
            }
            if (tx.state != TransactionState.PERFORMED) {
                throw new UzumError(CANNOT_REVERSE);
            }
            // Money goes back only while the service has not been delivered; marketplace must answer.
            return marketplace.payable(order.bookingId)
                    .map(view -> view.completed())
                    .onFailure(f -> f instanceof MarketplaceException me
                            && me.kind() == MarketplaceException.Kind.NOT_FOUND).recoverWithItem(false)
                    .onFailure().transform(UzumService::marketplaceError)
                    .chain(completed -> {
                        if (completed) {
                            throw new UzumError(CANNOT_REVERSE);
                        }
                        cancel(tx, TransactionState.REVERSED, REASON_REVERSED, now);
                        return lifecycle.reversePaid(order, now, Refund.State.DONE, "Uzum reverse")
                                .map(ignored -> Reply.ok(reversed(tx, order)));
                    });
        });
    }

    private ObjectNode reversed(ProviderTransaction tx, PaymentOrder order) {
        return answer(tx, order, "REVERSED", "reverseTime", tx.cancelTimeMs);
    }

    private Uni<ObjectNode> status(String merchant, JsonNode body) {
        String transId = requireTransId(body);
        return locked(merchant, transId, (order, tx) -> {
            // The 30-minute rule is applied (and committed) before the state is reported.
            Uni<Void> settle = tx.state == TransactionState.CREATED && expired(tx) ? fail(order, tx)
                    : Uni.createFrom().voidItem();
            return settle.map(ignored -> {
                ObjectNode out = json.createObjectNode();
                out.put("transId", tx.providerTransactionId);
                out.put("status", uzumStatus(tx));
                out.put("transTime", tx.createTimeMs);
                putTime(out, "confirmTime", tx.performTimeMs);
                putTime(out, "reverseTime", isReversed(tx) ? tx.cancelTimeMs : null);
                out.set("data", data(order));
                out.put("amount", tx.amount);
                return Reply.ok(out);
            });
        });
    }

    /** Used by the sweeper: CREATED past the confirm timeout becomes FAILED. */
    public Uni<Boolean> sweep(String transId) {
        return Panache.withTransaction(() -> transactions.findOrderId(Provider.UZUM, transId)
                .chain(orders::lock)
                .chain(order -> transactions.findByProviderId(Provider.UZUM, transId)
                        .chain(tx -> tx.state == TransactionState.CREATED && expired(tx)
                                ? fail(order, tx).replaceWith(true)
                                : Uni.createFrom().item(false))));
    }

    // ---------------------------------------------------------------- helpers

    private static String uzumStatus(ProviderTransaction tx) {
        return switch (tx.state) {
            case CREATED -> "CREATED";
            case PERFORMED -> "CONFIRMED";
            case REVERSED -> "REVERSED";
            case CANCELLED -> tx.reason != null && tx.reason == REASON_REVERSED ? "REVERSED" : "FAILED";
        };
    }

    private static boolean isReversed(ProviderTransaction tx) {
        return tx.state == TransactionState.REVERSED
                || (tx.state == TransactionState.CANCELLED && tx.reason != null && tx.reason == REASON_REVERSED);
    }

    /** Not confirmed in time: FAILED, the order abandoned and the booking's hold released. */
    private Uni<Void> fail(PaymentOrder order, ProviderTransaction tx) {
        Instant now = clock.instant();
        cancel(tx, TransactionState.CANCELLED, REASON_TIMEOUT, now);
        return order.state == OrderState.CREATED ? lifecycle.cancelOpen(order, now).replaceWithVoid()
                : Uni.createFrom().voidItem();
    }

    private static void cancel(ProviderTransaction tx, TransactionState state, int reason, Instant now) {
        tx.state = state;
        tx.reason = reason;
        tx.cancelTimeMs = now.toEpochMilli();
        tx.updatedAt = now;
    }

    private boolean expired(ProviderTransaction tx) {
        return clock.millis() - tx.createTimeMs > config.uzum().confirmTimeout().toMillis();
    }

    @FunctionalInterface
    private interface LockedStep {
        Uni<Reply> apply(PaymentOrder order, ProviderTransaction tx);
    }

    /** An error after a change that must stay (the 30-minute FAILED) is returned, so the change commits. */
    private record Reply(ObjectNode result, Integer error) {
        static Reply ok(ObjectNode result) {
            return new Reply(result, null);
        }

        static Reply error(int code) {
            return new Reply(null, code);
        }

        ObjectNode get() {
            if (error != null) {
                throw new UzumError(error);
            }
            return result;
        }
    }

    private Uni<ObjectNode> locked(String merchant, String transId, LockedStep step) {
        return Panache.withTransaction(() -> transactions.findOrderId(Provider.UZUM, transId).chain(orderId -> {
            if (orderId == null) {
                throw new UzumError(TRANS_NOT_FOUND);
            }
            return orders.lock(orderId).chain(order -> transactions.findByProviderId(Provider.UZUM, transId)
                    .chain(tx -> {
                        if (!tx.merchant.equals(merchant)) {
                            throw new UzumError(TRANS_NOT_FOUND);
                        }
                        return step.apply(order, tx);
                    }));
        })).map(Reply::get);
    }

    private void requireOpenOrder(PaymentOrder order, String merchant) {
        if (order == null || order.provider != Provider.UZUM || !order.merchant.equals(merchant)) {
            throw new UzumError(ORDER_NOT_FOUND);
        }
        if (order.state == OrderState.PAID || order.state == OrderState.REFUNDED) {
            throw new UzumError(ALREADY_PAID);
        }
        if (order.state == OrderState.CANCELLED) {
            throw new UzumError(PAYMENT_CANCELLED);
        }
    }

    private ObjectNode data(PaymentOrder order) {
        ObjectNode data = json.createObjectNode();
        data.putObject("order_id").put("value", order.id.toString());
        data.putObject("amount").put("value", order.amount);
        return data;
    }

    private static Throwable marketplaceError(Throwable failure) {
        if (failure instanceof UzumError) {
            return failure;
        }
        if (failure instanceof MarketplaceException me && me.permanent()) {
            return new UzumError(me.kind() == MarketplaceException.Kind.NOT_FOUND ? ORDER_NOT_FOUND : PAYMENT_CANCELLED);
        }
        Log.warnf("marketplace unavailable during an Uzum call: %s", failure.toString());
        return new UzumError(INTERNAL);
    }

    private static UUID requireOrderId(JsonNode body) {
        JsonNode id = body.path("params").path("order_id");
        if (id.isMissingNode() || id.isNull() || id.asText().isEmpty()) {
            throw new UzumError(MISSING_PARAMETERS);
        }
        UUID parsed = parseUuid(id.asText());
        if (parsed == null) {
            throw new UzumError(ORDER_NOT_FOUND);
        }
        return parsed;
    }

    private static String requireTransId(JsonNode body) {
        JsonNode id = body.get("transId");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new UzumError(MISSING_PARAMETERS);
        }
        if (id.asText().length() > 64) {
            throw new UzumError(TRANS_NOT_FOUND);
        }
        return id.asText();
    }

    private Answer failed(int code, JsonNode serviceId, String transId, String merchant, UUID orderId) {
        ObjectNode out = json.createObjectNode();
        out.set("serviceId", serviceId);
        if (transId != null) {
            out.put("transId", transId);
        }
        out.put("status", "FAILED");
        out.put("errorCode", code);
        return new Answer(config.uzum().failedHttpStatus(), out.toString(), merchant, transId, orderId);
    }

    private static void putTime(ObjectNode out, String field, Long value) {
        if (value == null) {
            out.putNull(field);
        } else {
            out.put(field, value);
        }
    }

    /** Only the last four digits of the payer's phone are kept. */
    private static String mask(String phone) {
        if (phone == null || phone.length() < 4) {
            return null;
        }
        return "***" + phone.substring(phone.length() - 4);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private JsonNode parseOrNull(byte[] raw) {
        try {
            return raw.length == 0 ? null : json.readTree(new String(raw, StandardCharsets.UTF_8));
        } catch (Exception e) {
            return null;
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
