package uz.aurelle.payments.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uz.aurelle.common.error.ApiException;
import uz.aurelle.common.rest.PageResponse;
import uz.aurelle.payments.OrderState;
import uz.aurelle.payments.OutboxEvent;
import uz.aurelle.payments.PaymentOrder;
import uz.aurelle.payments.Provider;
import uz.aurelle.payments.ProviderTransaction;
import uz.aurelle.payments.Refund;
import uz.aurelle.payments.TransactionState;
import uz.aurelle.payments.WebhookCall;
import uz.aurelle.payments.repository.OutboxEventRepository;
import uz.aurelle.payments.repository.PaymentOrderRepository;
import uz.aurelle.payments.repository.ProviderTransactionRepository;
import uz.aurelle.payments.repository.RefundRepository;
import uz.aurelle.payments.repository.WebhookCallRepository;

/** Admin views: filtered payment lists, one payment's full history, and Payme period reconciliation. */
@ApplicationScoped
public class AdminPaymentService {

    public record Filter(Provider provider, OrderState state, UUID salonId, UUID bookingId, Instant from, Instant to) {
    }

    public record History(PaymentOrder order, List<ProviderTransaction> transactions, List<Refund> refunds,
                          List<OutboxEvent> events, List<WebhookCall> webhookCalls) {
    }

    /** Our records for a period next to what GetStatement lists, with every inconsistency found. */
    public record Reconciliation(List<ObjectNode> statement, long performedCount, long performedAmount,
                                 long reversedCount, long reversedAmount, List<String> mismatches) {
    }

    private final PaymentOrderRepository orders;
    private final ProviderTransactionRepository transactions;
    private final RefundRepository refunds;
    private final OutboxEventRepository outbox;
    private final WebhookCallRepository webhookCalls;
    private final PaymeService payme;

    public AdminPaymentService(PaymentOrderRepository orders, ProviderTransactionRepository transactions,
                               RefundRepository refunds, OutboxEventRepository outbox,
                               WebhookCallRepository webhookCalls, PaymeService payme) {
        this.orders = orders;
        this.transactions = transactions;
        this.refunds = refunds;
        this.outbox = outbox;
        this.webhookCalls = webhookCalls;
        this.payme = payme;
    }

    @WithSession
    public Uni<PageResponse<PaymentOrder>> list(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.provider() != null) {
            where.add("provider = :provider");
            params.and("provider", filter.provider());
        }
        if (filter.state() != null) {
            where.add("state = :state");
            params.and("state", filter.state());
        }
        if (filter.salonId() != null) {
            where.add("salonId = :salon");
            params.and("salon", filter.salonId());
        }
        if (filter.bookingId() != null) {
            where.add("bookingId = :booking");
            params.and("booking", filter.bookingId());
        }
        if (filter.from() != null) {
            where.add("createdAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("createdAt <= :to");
            params.and("to", filter.to());
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var panacheQuery = orders.find(query, Sort.descending("createdAt"), params).page(Page.of(page, size));
        return panacheQuery.list().chain(items -> panacheQuery.count()
                .map(total -> new PageResponse<>(items, page, size, total)));
    }

    @WithSession
    public Uni<History> history(UUID id) {
        return orders.findById(id).chain(order -> {
            if (order == null) {
                throw ApiException.notFound("payment_not_found", "No such payment.");
            }
            return transactions.byOrder(id).chain(txs -> refunds.list("orderId = ?1 order by createdAt", id)
                    .chain(refundList -> outbox.byOrder(id)
                            .chain(events -> calls(id, txs)
                                    .map(calls -> new History(order, txs, refundList, events, calls)))));
        });
    }

    /** Calls naming the order, plus those naming only a transaction of it (Payme Perform/Cancel...). */
    private Uni<List<WebhookCall>> calls(UUID orderId, List<ProviderTransaction> txs) {
        if (txs.isEmpty()) {
            return webhookCalls.list("orderId = ?1 order by receivedAt", orderId);
        }
        return webhookCalls.list("orderId = ?1 or (provider = ?2 and providerTransactionId in ?3) order by receivedAt",
                orderId, txs.get(0).provider, txs.stream().map(tx -> tx.providerTransactionId).toList());
    }

    @WithSession
    public Uni<List<Refund>> refunds(Refund.State state) {
        return state == null ? refunds.list("order by createdAt desc")
                : refunds.list("state = ?1 order by createdAt desc", state);
    }

    /**
     * Payme period [from, to] in Payme time (ms): the lines GetStatement returns for the cash desk,
     * totals, and mismatches between transactions and their orders.
     */
    public Uni<Reconciliation> reconcilePayme(String merchant, long from, long to) {
        return payme.statementLines(merchant, from, to).chain(lines -> check(merchant, from, to)
                .map(mismatches -> {
                    long performedCount = 0;
                    long performedAmount = 0;
                    long reversedCount = 0;
                    long reversedAmount = 0;
                    for (ObjectNode line : lines) {
                        int state = line.get("state").asInt();
                        if (state == 2) {
                            performedCount++;
                            performedAmount += line.get("amount").asLong();
                        } else if (state == -2) {
                            reversedCount++;
                            reversedAmount += line.get("amount").asLong();
                        }
                    }
                    return new Reconciliation(lines, performedCount, performedAmount, reversedCount, reversedAmount,
                            mismatches);
                }));
    }

    @WithSession
    Uni<List<String>> check(String merchant, long from, long to) {
        return transactions.statement(Provider.PAYME, merchant, from, to).chain(txs -> {
            List<UUID> ids = txs.stream().map(tx -> tx.orderId).distinct().toList();
            if (ids.isEmpty()) {
                return Uni.createFrom().item(List.<String>of());
            }
            return orders.list("id in ?1", ids).map(found -> {
                List<String> problems = new ArrayList<>();
                for (ProviderTransaction tx : txs) {
                    PaymentOrder order = found.stream().filter(o -> o.id.equals(tx.orderId)).findFirst().orElse(null);
                    if (order == null) {
                        problems.add("transaction " + tx.providerTransactionId + ": order missing");
                        continue;
                    }
                    if (tx.amount != order.amount) {
                        problems.add("transaction " + tx.providerTransactionId + ": amount " + tx.amount
                                + " ≠ order " + order.amount);
                    }
                    if (tx.state == TransactionState.PERFORMED && order.state != OrderState.PAID) {
                        problems.add("transaction " + tx.providerTransactionId + " performed but payment " + order.id
                                + " is " + order.state);
                    }
                    if (tx.state == TransactionState.REVERSED && order.state != OrderState.REFUNDED) {
                        problems.add("transaction " + tx.providerTransactionId + " reversed but payment " + order.id
                                + " is " + order.state);
                    }
                }
                return problems;
            });
        });
    }
}
