package uz.aurelle.payments.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
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
import uz.aurelle.payments.Refund;
import uz.aurelle.payments.client.MarketplaceClient;
import uz.aurelle.payments.client.MarketplaceDtos.PayableBooking;
import uz.aurelle.payments.client.MarketplaceException;
import uz.aurelle.payments.config.Merchants;
import uz.aurelle.payments.repository.PaymentOrderRepository;
import uz.aurelle.payments.repository.ProviderTransactionRepository;
import uz.aurelle.payments.repository.RefundRepository;

/** Client API: payment orders for bookings. The amount is always marketplace's, never the client's. */
@ApplicationScoped
public class PaymentService {

    /** The order and whether this call created it (201) or found the open one (200). */
    public record Created(PaymentOrder order, boolean created) {
    }

    /** Who is asking: token subject and whether they are an admin. */
    public record Caller(UUID userId, boolean admin) {
    }

    private final PaymentOrderRepository orders;
    private final ProviderTransactionRepository transactions;
    private final MarketplaceClient marketplace;
    private final PaymentLifecycle lifecycle;
    private final Merchants merchants;
    private final RefundRepository refunds;
    private final Clock clock;

    public PaymentService(PaymentOrderRepository orders, ProviderTransactionRepository transactions,
                          MarketplaceClient marketplace, PaymentLifecycle lifecycle, Merchants merchants,
                          RefundRepository refunds, Clock clock) {
        this.refunds = refunds;
        this.orders = orders;
        this.transactions = transactions;
        this.marketplace = marketplace;
        this.lifecycle = lifecycle;
        this.merchants = merchants;
        this.clock = clock;
    }

    public Uni<Created> create(UUID clientId, UUID bookingId, Provider provider) {
        if (!provider.online()) {
            throw ApiException.badRequest("unsupported_provider",
                    "Online payments are made with PAYME, CLICK or UZUM.");
        }
        return view(bookingId).chain(view -> {
            if (!clientId.equals(view.clientId())) {
                return Uni.createFrom().failure(ApiException.forbidden("forbidden",
                        "This booking belongs to another client."));
            }
            requirePayable(view);
            return createOrder(view, provider);
        });
    }

    @WithTransaction
    Uni<Created> createOrder(PayableBooking view, Provider provider) {
        return orders.isBookingPaid(view.bookingId()).chain(paid -> {
            if (paid) {
                return Uni.createFrom().failure(alreadyPaid());
            }
            return orders.findOpen(view.bookingId(), provider).chain(open -> {
                if (open != null && open.amount == view.amount()) {
                    return Uni.createFrom().item(new Created(open, false));
                }
                if (open == null) {
                    return insert(view, provider);
                }
                // The booking's price changed since: the stale order goes unless a provider is mid-payment.
                return transactions.countActive(open.id, provider).chain(active -> {
                    if (active > 0) {
                        return Uni.createFrom().failure(ApiException.conflict("payment_in_progress",
                                "A payment for this booking is in progress."));
                    }
                    Instant now = clock.instant();
                    open.state = OrderState.CANCELLED;
                    open.cancelledAt = now;
                    open.updatedAt = now;
                    return orders.flush().chain(() -> insert(view, provider));
                });
            });
        });
    }

    private Uni<Created> insert(PayableBooking view, Provider provider) {
        Instant now = clock.instant();
        PaymentOrder order = new PaymentOrder();
        order.id = UUID.randomUUID();
        order.bookingId = view.bookingId();
        order.clientId = view.clientId();
        order.salonId = view.salonId();
        order.salonOwnerId = view.salonOwnerId();
        order.provider = provider;
        order.merchant = merchants.forSalon(provider, view.salonId());
        order.amount = view.amount();
        order.state = OrderState.CREATED;
        order.createdAt = now;
        order.updatedAt = now;
        Log.infof("payment %s opened for booking %s via %s: %d tiyin", order.id, order.bookingId, provider,
                order.amount);
        return orders.persist(order).map(saved -> new Created(saved, true));
    }

    /** Cash or card taken at the salon, recorded by the salon's owner (or an admin). */
    public Uni<PaymentOrder> recordOffline(Caller caller, UUID bookingId, Provider method) {
        if (method != Provider.CASH && method != Provider.CARD_AT_SALON) {
            throw ApiException.badRequest("unsupported_provider", "Offline payments are CASH or CARD_AT_SALON.");
        }
        return view(bookingId).chain(view -> {
            if (!caller.admin() && !caller.userId().equals(view.salonOwnerId())) {
                return Uni.createFrom().failure(ApiException.forbidden("forbidden",
                        "Only the salon's owner records payments taken at the salon."));
            }
            requirePayable(view);
            return insertOffline(caller, view, method);
        });
    }

    @WithTransaction
    Uni<PaymentOrder> insertOffline(Caller caller, PayableBooking view, Provider method) {
        return orders.isBookingPaid(view.bookingId()).chain(paid -> {
            if (paid) {
                return Uni.createFrom().failure(alreadyPaid());
            }
            Instant now = clock.instant();
            PaymentOrder order = new PaymentOrder();
            order.id = UUID.randomUUID();
            order.bookingId = view.bookingId();
            order.clientId = view.clientId();
            order.salonId = view.salonId();
            order.salonOwnerId = view.salonOwnerId();
            order.provider = method;
            order.merchant = "salon";
            order.amount = view.amount();
            order.state = OrderState.CREATED;
            order.recordedBy = caller.userId();
            order.createdAt = now;
            order.updatedAt = now;
            return orders.persist(order).chain(saved -> lifecycle.markPaid(saved, now));
        });
    }

    @WithSession
    public Uni<PaymentOrder> get(Caller caller, UUID id) {
        return orders.findById(id).map(order -> {
            if (order == null) {
                throw ApiException.notFound("payment_not_found", "No such payment.");
            }
            requireAccess(caller, order);
            return order;
        });
    }

    @WithSession
    public Uni<List<PaymentOrder>> byBooking(Caller caller, UUID bookingId) {
        return orders.byBooking(bookingId).invoke(list -> list.forEach(order -> requireAccess(caller, order)));
    }

    @WithSession
    public Uni<List<Refund>> refunds(Caller caller, UUID id) {
        return get(caller, id).chain(order -> refunds.list("orderId = ?1 order by createdAt", order.id));
    }

    private static void requireAccess(Caller caller, PaymentOrder order) {
        if (!caller.admin() && !caller.userId().equals(order.clientId) && !caller.userId().equals(order.salonOwnerId)) {
            throw ApiException.forbidden("forbidden", "Only the booking's client, its salon and admins see this payment.");
        }
    }

    private Uni<PayableBooking> view(UUID bookingId) {
        return marketplace.payable(bookingId).onFailure().transform(failure -> {
            if (failure instanceof MarketplaceException me && me.kind() == MarketplaceException.Kind.NOT_FOUND) {
                return ApiException.notFound("booking_not_found", "No such booking.");
            }
            return ApiException.unavailable("marketplace_unavailable",
                    "Bookings cannot be checked right now; please try again shortly.");
        });
    }

    private static void requirePayable(PayableBooking view) {
        if (view.paid()) {
            throw alreadyPaid();
        }
        if (!view.payable()) {
            throw ApiException.conflict("booking_not_payable", "This booking cannot be paid (status {0}).",
                    view.status());
        }
    }

    private static ApiException alreadyPaid() {
        return ApiException.conflict("booking_already_paid", "This booking is already paid.");
    }
}
