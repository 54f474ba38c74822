package uz.aurelle.payments.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import uz.aurelle.common.sentry.ErrorReporter;
import uz.aurelle.payments.OrderState;
import uz.aurelle.payments.PaymentOrder;
import uz.aurelle.payments.Provider;
import uz.aurelle.payments.ProviderTransaction;
import uz.aurelle.payments.Refund;
import uz.aurelle.payments.TransactionState;
import uz.aurelle.payments.client.MarketplaceClient;
import uz.aurelle.payments.client.MarketplaceDtos.PayableBooking;
import uz.aurelle.payments.client.MarketplaceException;
import uz.aurelle.payments.config.PaymentsConfig;
import uz.aurelle.payments.repository.PaymentOrderRepository;
import uz.aurelle.payments.repository.ProviderTransactionRepository;

/**
 * Payme Merchant API (JSON-RPC 2.0), exactly as PROTOCOLS.md §1. Authentication comes first;
 * every state change runs in one database transaction with the order row locked, so concurrent
 * duplicates serialise and get the same stored answer. Answers are always HTTP 200 (the resource).
 */
@ApplicationScoped
public class PaymeService {

    /** What the resource sends back and what the webhook log needs to know about the call. */
    public record Answer(String body, String merchant, String method, String transactionId, UUID orderId) {
    }

    private final PaymeAuthenticator authenticator;
    private final PaymentOrderRepository orders;
    private final ProviderTransactionRepository transactions;
    private final PaymentLifecycle lifecycle;
    private final MarketplaceClient marketplace;
    private final PaymentsConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final ErrorReporter errors;

    public PaymeService(PaymeAuthenticator authenticator, PaymentOrderRepository orders,
                        ProviderTransactionRepository transactions, PaymentLifecycle lifecycle,
                        MarketplaceClient marketplace, PaymentsConfig config, ObjectMapper json, Clock clock,
                        ErrorReporter errors) {
        this.errors = errors;
        this.authenticator = authenticator;
        this.orders = orders;
        this.transactions = transactions;
        this.lifecycle = lifecycle;
        this.marketplace = marketplace;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Answer for a non-POST request. */
    public String notPost() {
        return error(PaymeError.notPost(), NullNode.getInstance());
    }

    public Uni<Answer> handle(String merchantPath, String authorization, String remoteAddress, String body) {
        JsonNode root = parseOrNull(body);
        JsonNode id = root != null && root.isObject() && root.has("id") ? root.get("id") : NullNode.getInstance();
        String method = root != null && root.path("method").isTextual() ? root.get("method").asText() : null;
        JsonNode params = root == null ? NullNode.getInstance() : root.path("params");
        String transactionId = params.path("id").isTextual() ? params.get("id").asText() : null;
        UUID orderId = parseUuid(params.path("account").path("order_id").asText(null));

        return authenticator.authenticate(merchantPath, authorization, remoteAddress)
                .chain(merchant -> {
                    if (merchant == null) {
                        return Uni.createFrom().failure(PaymeError.insufficientPrivilege());
                    }
                    return dispatch(merchant, root, method, params).map(result -> success(result, id))
                            .map(text -> new Answer(text, merchant, method, transactionId, orderId));
                })
                .onFailure().recoverWithItem(failure -> {
                    PaymeError error = failure instanceof PaymeError pe ? pe : unexpected(failure);
                    return new Answer(error(error, id), null, method, transactionId, orderId);
                });
    }

    private PaymeError unexpected(Throwable failure) {
        if (failure instanceof MarketplaceException || isConstraintViolation(failure)) {
            Log.warnf("Payme call failed: %s", failure.toString());
        } else {
            Log.error("Payme call failed unexpectedly", failure);
            errors.capture(failure, Map.of("provider", "PAYME"));
        }
        return isConstraintViolation(failure) ? PaymeError.cannotPerform() : PaymeError.system();
    }

    private Uni<String> dispatch(String merchant, JsonNode root, String method, JsonNode params) {
        if (root == null) {
            return Uni.createFrom().failure(PaymeError.parse());
        }
        if (!root.isObject() || method == null || !params.isObject() || !root.path("id").isIntegralNumber()) {
            return Uni.createFrom().failure(PaymeError.invalidRequest(null));
        }
        return switch (method) {
            case "CheckPerformTransaction" -> checkPerform(merchant, params);
            case "CreateTransaction" -> create(merchant, params);
            case "PerformTransaction" -> perform(merchant, params);
            case "CancelTransaction" -> cancel(merchant, params);
            case "CheckTransaction" -> checkTransaction(merchant, params);
            case "GetStatement" -> statement(merchant, params);
            case "SetFiscalData" -> setFiscalData(merchant, params);
            case "ChangePassword" -> changePassword(merchant, params);
            default -> Uni.createFrom().failure(PaymeError.methodNotFound(method));
        };
    }

    // ---------------------------------------------------------------- CheckPerformTransaction

    private Uni<String> checkPerform(String merchant, JsonNode params) {
        long amount = amount(params);
        UUID orderId = orderId(params);
        return Panache.withSession(() -> orders.findById(orderId)
                        .invoke(order -> requirePayable(order, merchant, amount))
                        .call(order -> transactions.countActive(order.id, Provider.PAYME).invoke(active -> {
                            if (active > 0) {
                                throw PaymeError.cannotPerform();
                            }
                        })))
                .chain(order -> bookingView(order).map(view -> {
                    ObjectNode result = json.createObjectNode().put("allow", true);
                    if (config.payme().fiscalDetail()) {
                        result.set("detail", fiscalDetail(view));
                    }
                    return result.toString();
                }));
    }

    private ObjectNode fiscalDetail(PayableBooking view) {
        ObjectNode detail = json.createObjectNode().put("receipt_type", 0);
        ArrayNode items = detail.putArray("items");
        view.itemsOrEmpty().forEach(item -> {
            ObjectNode line = items.addObject()
                    .put("title", item.title())
                    .put("price", item.price())
                    .put("count", item.count())
                    .put("code", item.code())
                    .put("package_code", item.packageCode());
            if (item.vatPercent() != null) {
                line.put("vat_percent", item.vatPercent());
            } else {
                line.putNull("vat_percent");
            }
        });
        return detail;
    }

    // ---------------------------------------------------------------- CreateTransaction

    private Uni<String> create(String merchant, JsonNode params) {
        String id = transactionId(params);
        JsonNode timeNode = params.get("time");
        if (timeNode == null || !timeNode.isIntegralNumber()) {
            throw PaymeError.invalidRequest("time");
        }
        long time = timeNode.asLong();
        long amount = amount(params);
        UUID orderId = orderId(params);
        return Panache.withTransaction(() -> orders.lock(orderId).chain(order -> {
            if (order == null || !merchant.equals(order.merchant) || order.provider != Provider.PAYME) {
                return Uni.createFrom().failure(PaymeError.orderNotFound());
            }
            return transactions.findByProviderId(Provider.PAYME, id).chain(existing -> existing != null
                    ? repeatedCreate(order, existing, merchant)
                    : newCreate(order, merchant, id, time, amount));
        })).map(Reply::get);
    }

    private Uni<Reply> repeatedCreate(PaymentOrder order, ProviderTransaction tx, String merchant) {
        if (!tx.merchant.equals(merchant) || !tx.orderId.equals(order.id) || tx.state != TransactionState.CREATED) {
            return Uni.createFrom().failure(PaymeError.cannotPerform());
        }
        if (expired(tx)) {
            return cancelTimedOut(order, tx).replaceWith(Reply.error(PaymeError.cannotPerform()));
        }
        return Uni.createFrom().item(Reply.ok(tx.createResult));
    }

    private Uni<Reply> newCreate(PaymentOrder order, String merchant, String id, long time, long amount) {
        requirePayable(order, merchant, amount);
        if (clock.millis() - time > timeoutMs()) {
            return Uni.createFrom().failure(PaymeError.cannotPerform());
        }
        return transactions.countActive(order.id, Provider.PAYME).chain(active -> {
            if (active > 0) {
                return Uni.createFrom().failure(PaymeError.cannotPerform());
            }
            return bookingView(order)
                    // CreateTransaction reserves the order: the slot stays held while state 1 may last.
                    .chain(view -> marketplace.extendHold(order.bookingId,
                                    Instant.ofEpochMilli(time + timeoutMs()).atOffset(ZoneOffset.UTC))
                            .onFailure().transform(PaymeService::marketplaceError))
                    .chain(() -> insertCreated(order, merchant, id, time));
        });
    }

    private Uni<Reply> insertCreated(PaymentOrder order, String merchant, String id, long time) {
        Instant now = clock.instant();
        ProviderTransaction tx = new ProviderTransaction();
        tx.provider = Provider.PAYME;
        tx.providerTransactionId = id;
        tx.merchant = merchant;
        tx.orderId = order.id;
        tx.amount = order.amount;
        tx.state = TransactionState.CREATED;
        tx.providerTimeMs = time;
        tx.createTimeMs = now.toEpochMilli();
        tx.createdAt = now;
        tx.updatedAt = now;
        return transactions.persistAndFlush(tx).map(saved -> {
            ObjectNode result = json.createObjectNode()
                    .put("create_time", saved.createTimeMs)
                    .put("transaction", String.valueOf(saved.id))
                    .put("state", TransactionState.CREATED.payme());
            result.putNull("receivers");
            saved.createResult = result.toString();
            Log.infof("Payme transaction %s created for payment %s", id, order.id);
            return Reply.ok(saved.createResult);
        });
    }

    // ---------------------------------------------------------------- PerformTransaction

    private Uni<String> perform(String merchant, JsonNode params) {
        String id = transactionId(params);
        return locked(merchant, id, (order, tx) -> switch (tx.state) {
            case CREATED -> {
                if (expired(tx)) {
                    yield cancelTimedOut(order, tx).replaceWith(Reply.error(PaymeError.cannotPerform()));
                }
                if (order.state != OrderState.CREATED) {
                    yield Uni.createFrom().failure(PaymeError.cannotPerform());
                }
                yield orders.isBookingPaid(order.bookingId).chain(paid -> {
                    if (paid) {
                        return Uni.createFrom().failure(PaymeError.cannotPerform());
                    }
                    Instant now = clock.instant();
                    tx.state = TransactionState.PERFORMED;
                    tx.performTimeMs = now.toEpochMilli();
                    tx.updatedAt = now;
                    tx.performResult = json.createObjectNode()
                            .put("transaction", String.valueOf(tx.id))
                            .put("perform_time", tx.performTimeMs)
                            .put("state", TransactionState.PERFORMED.payme())
                            .toString();
                    return lifecycle.markPaid(order, now).replaceWith(Reply.ok(tx.performResult));
                });
            }
            case PERFORMED -> Uni.createFrom().item(Reply.ok(tx.performResult));
            default -> Uni.createFrom().failure(PaymeError.cannotPerform());
        });
    }

    // ---------------------------------------------------------------- CancelTransaction

    private Uni<String> cancel(String merchant, JsonNode params) {
        String id = transactionId(params);
        JsonNode reasonNode = params.get("reason");
        if (reasonNode == null || !reasonNode.isIntegralNumber()) {
            throw PaymeError.invalidRequest("reason");
        }
        int reason = reasonNode.asInt();
        return locked(merchant, id, (order, tx) -> switch (tx.state) {
            case CREATED -> {
                Instant now = clock.instant();
                setCancelled(tx, TransactionState.CANCELLED, reason, now);
                yield (order.state == OrderState.CREATED ? lifecycle.cancelOpen(order, now)
                        : Uni.createFrom().item(order)).replaceWith(Reply.ok(tx.cancelResult));
            }
            // A refund: only while the service has not been delivered. Never a guess: marketplace must answer.
            case PERFORMED -> marketplace.payable(order.bookingId)
                    .map(view -> view.completed())
                    .onFailure(f -> f instanceof MarketplaceException me
                            && me.kind() == MarketplaceException.Kind.NOT_FOUND).recoverWithItem(false)
                    .onFailure().transform(PaymeService::marketplaceError)
                    .chain(completed -> {
                        if (completed) {
                            return Uni.createFrom().failure(PaymeError.cannotCancel());
                        }
                        Instant now = clock.instant();
                        setCancelled(tx, TransactionState.REVERSED, reason, now);
                        return lifecycle.reversePaid(order, now, Refund.State.DONE,
                                        "Payme CancelTransaction, reason " + reason)
                                .replaceWith(Reply.ok(tx.cancelResult));
                    });
            // Already cancelled: the stored answer, reason unchanged.
            case CANCELLED, REVERSED -> Uni.createFrom().item(Reply.ok(tx.cancelResult));
        });
    }

    private void setCancelled(ProviderTransaction tx, TransactionState state, int reason, Instant now) {
        tx.state = state;
        tx.reason = reason;
        tx.cancelTimeMs = now.toEpochMilli();
        tx.updatedAt = now;
        tx.cancelResult = json.createObjectNode()
                .put("transaction", String.valueOf(tx.id))
                .put("cancel_time", tx.cancelTimeMs)
                .put("state", state.payme())
                .toString();
        Log.infof("Payme transaction %s cancelled to state %d, reason %d", tx.providerTransactionId, state.payme(),
                reason);
    }

    /** State 1 past Payme's 12 hours: cancelled with reason 4; the order is abandoned. */
    Uni<Void> cancelTimedOut(PaymentOrder order, ProviderTransaction tx) {
        Instant now = clock.instant();
        setCancelled(tx, TransactionState.CANCELLED, 4, now);
        return order.state == OrderState.CREATED ? lifecycle.cancelOpen(order, now).replaceWithVoid()
                : Uni.createFrom().voidItem();
    }

    /** Used by the sweeper: cancels one transaction if it is still open and past the timeout. */
    public Uni<Boolean> sweep(String providerTransactionId) {
        return Panache.withTransaction(() -> transactions.findOrderId(Provider.PAYME, providerTransactionId)
                .chain(orders::lock)
                .chain(order -> transactions.findByProviderId(Provider.PAYME, providerTransactionId)
                        .chain(tx -> tx.state == TransactionState.CREATED && expired(tx)
                                ? cancelTimedOut(order, tx).replaceWith(true)
                                : Uni.createFrom().item(false))));
    }

    // ---------------------------------------------------------------- CheckTransaction / GetStatement

    private Uni<String> checkTransaction(String merchant, JsonNode params) {
        String id = transactionId(params);
        return Panache.withSession(() -> transactions.findByProviderId(Provider.PAYME, id)).map(tx -> {
            if (tx == null || !tx.merchant.equals(merchant)) {
                throw PaymeError.transactionNotFound();
            }
            ObjectNode result = json.createObjectNode()
                    .put("create_time", tx.createTimeMs)
                    .put("perform_time", tx.performTimeMs == null ? 0 : tx.performTimeMs)
                    .put("cancel_time", tx.cancelTimeMs == null ? 0 : tx.cancelTimeMs)
                    .put("transaction", String.valueOf(tx.id))
                    .put("state", tx.state.payme());
            if (tx.reason == null) {
                result.putNull("reason");
            } else {
                result.put("reason", tx.reason);
            }
            return result.toString();
        });
    }

    private Uni<String> statement(String merchant, JsonNode params) {
        JsonNode from = params.get("from");
        JsonNode to = params.get("to");
        if (from == null || !from.isIntegralNumber() || to == null || !to.isIntegralNumber()) {
            throw PaymeError.invalidRequest(from == null || !from.isIntegralNumber() ? "from" : "to");
        }
        return Panache.withSession(() -> transactions.statement(Provider.PAYME, merchant, from.asLong(), to.asLong()))
                .map(list -> {
                    ObjectNode result = json.createObjectNode();
                    ArrayNode out = result.putArray("transactions");
                    list.forEach(tx -> statementLine(out.addObject(), tx));
                    return result.toString();
                });
    }

    private void statementLine(ObjectNode line, ProviderTransaction tx) {
        line.put("id", tx.providerTransactionId)
                .put("time", tx.providerTimeMs)
                .put("amount", tx.amount);
        line.putObject("account").put("order_id", tx.orderId.toString());
        line.put("create_time", tx.createTimeMs)
                .put("perform_time", tx.performTimeMs == null ? 0 : tx.performTimeMs)
                .put("cancel_time", tx.cancelTimeMs == null ? 0 : tx.cancelTimeMs)
                .put("transaction", String.valueOf(tx.id))
                .put("state", tx.state.payme());
        if (tx.reason == null) {
            line.putNull("reason");
        } else {
            line.put("reason", tx.reason);
        }
        line.putNull("receivers");
    }

    /** Our records for a period as Payme's GetStatement would list them (admin reconciliation). */
    public Uni<List<ObjectNode>> statementLines(String merchant, long from, long to) {
        return Panache.withSession(() -> transactions.statement(Provider.PAYME, merchant, from, to))
                .map(list -> list.stream().map(tx -> {
                    ObjectNode line = json.createObjectNode();
                    statementLine(line, tx);
                    return line;
                }).toList());
    }

    // ---------------------------------------------------------------- SetFiscalData / ChangePassword

    private Uni<String> setFiscalData(String merchant, JsonNode params) {
        String id = transactionId(params);
        String type = params.path("type").asText("");
        JsonNode fiscal = params.get("fiscal_data");
        if (!type.equals("PERFORM") && !type.equals("CANCEL")) {
            throw PaymeError.invalidRequest("type");
        }
        if (fiscal == null || !fiscal.isObject()) {
            throw PaymeError.invalidRequest("fiscal_data");
        }
        return Panache.withTransaction(() -> transactions.findByProviderId(Provider.PAYME, id).map(tx -> {
            if (tx == null || !tx.merchant.equals(merchant)) {
                throw PaymeError.transactionNotFound();
            }
            if (type.equals("PERFORM")) {
                tx.fiscalPerform = fiscal.toString();
            } else {
                tx.fiscalCancel = fiscal.toString();
            }
            tx.updatedAt = clock.instant();
            return "{\"success\":true}";
        }));
    }

    private Uni<String> changePassword(String merchant, JsonNode params) {
        JsonNode password = params.get("password");
        if (password == null || !password.isTextual() || password.asText().isEmpty()) {
            throw PaymeError.invalidRequest("password");
        }
        return authenticator.changeKey(merchant, password.asText()).replaceWith("{\"success\":true}");
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface LockedStep {
        Uni<Reply> apply(PaymentOrder order, ProviderTransaction tx);
    }

    /**
     * Outcome of a transactional step. An error that follows a state change which must stay
     * (the 12-hour cancellation) is returned, not thrown, so the transaction commits first.
     */
    private record Reply(String result, PaymeError error) {
        static Reply ok(String result) {
            return new Reply(result, null);
        }

        static Reply error(PaymeError error) {
            return new Reply(null, error);
        }

        String get() {
            if (error != null) {
                throw error;
            }
            return result;
        }
    }

    /** Finds the transaction by Payme id, locks its order, then reloads the transaction under that lock. */
    private Uni<String> locked(String merchant, String id, LockedStep step) {
        return Panache.withTransaction(() -> transactions.findOrderId(Provider.PAYME, id).chain(orderId -> {
            if (orderId == null) {
                return Uni.createFrom().failure(PaymeError.transactionNotFound());
            }
            return orders.lock(orderId).chain(order -> transactions.findByProviderId(Provider.PAYME, id)
                    .chain(tx -> tx.merchant.equals(merchant) ? step.apply(order, tx)
                            : Uni.createFrom().failure(PaymeError.transactionNotFound())));
        })).map(Reply::get);
    }

    private void requirePayable(PaymentOrder order, String merchant, long amount) {
        if (order == null || order.provider != Provider.PAYME || !merchant.equals(order.merchant)) {
            throw PaymeError.orderNotFound();
        }
        if (order.amount != amount) {
            throw PaymeError.invalidAmount();
        }
        if (order.state != OrderState.CREATED) {
            throw PaymeError.cannotPerform();
        }
    }

    /** marketplace's view of the booking; unreachable → -32400, never a wrong yes. */
    private Uni<PayableBooking> bookingView(PaymentOrder order) {
        return marketplace.payable(order.bookingId)
                .onFailure().transform(PaymeService::marketplaceError)
                .invoke(view -> {
                    if (view.paid() || !view.payable() || view.amount() != order.amount) {
                        throw PaymeError.cannotPerform();
                    }
                });
    }

    private static Throwable marketplaceError(Throwable failure) {
        if (failure instanceof PaymeError) {
            return failure;
        }
        if (failure instanceof MarketplaceException me && me.permanent()) {
            return me.kind() == MarketplaceException.Kind.NOT_FOUND ? PaymeError.orderNotFound()
                    : PaymeError.cannotPerform();
        }
        Log.warnf("marketplace unavailable during a Payme call: %s", failure.toString());
        return PaymeError.system();
    }

    private boolean expired(ProviderTransaction tx) {
        return clock.millis() - tx.providerTimeMs > timeoutMs();
    }

    private long timeoutMs() {
        return config.payme().timeout().toMillis();
    }

    private static long amount(JsonNode params) {
        JsonNode amount = params.get("amount");
        if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToLong() || amount.asLong() <= 0) {
            throw PaymeError.invalidAmount();
        }
        return amount.asLong();
    }

    private static UUID orderId(JsonNode params) {
        UUID id = parseUuid(params.path("account").path("order_id").asText(null));
        if (id == null) {
            throw PaymeError.orderNotFound();
        }
        return id;
    }

    private static String transactionId(JsonNode params) {
        JsonNode id = params.get("id");
        if (id == null || !id.isTextual() || id.asText().isEmpty() || id.asText().length() > 64) {
            throw PaymeError.invalidRequest("id");
        }
        return id.asText();
    }

    private static UUID parseUuid(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private JsonNode parseOrNull(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private String success(String result, JsonNode id) {
        return "{\"result\":" + result + ",\"id\":" + id.toString() + "}";
    }

    private String error(PaymeError error, JsonNode id) {
        ObjectNode root = json.createObjectNode();
        ObjectNode err = root.putObject("error").put("code", error.code());
        err.putObject("message").put("ru", error.ru()).put("uz", error.uz()).put("en", error.en());
        if (error.data() != null) {
            err.put("data", error.data());
        }
        root.set("id", id);
        return root.toString();
    }
}
