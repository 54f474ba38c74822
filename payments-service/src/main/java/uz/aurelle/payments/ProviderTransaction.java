package uz.aurelle.payments;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One provider-side transaction against an order, unique by (provider, provider transaction id).
 * Its numeric id is our Payme {@code transaction} and Click {@code merchant_prepare_id}.
 */
@Entity
@Table(name = "provider_transaction")
public class ProviderTransaction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Provider provider;

    @Column(name = "provider_transaction_id", nullable = false, length = 64)
    public String providerTransactionId;

    @Column(nullable = false, length = 64)
    public String merchant;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(nullable = false)
    public long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public TransactionState state;

    @Column(name = "provider_time_ms")
    public Long providerTimeMs;

    @Column(name = "create_time_ms", nullable = false)
    public long createTimeMs;

    @Column(name = "perform_time_ms")
    public Long performTimeMs;

    @Column(name = "cancel_time_ms")
    public Long cancelTimeMs;

    public Integer reason;

    @Column(name = "create_result", columnDefinition = "text")
    public String createResult;

    @Column(name = "perform_result", columnDefinition = "text")
    public String performResult;

    @Column(name = "cancel_result", columnDefinition = "text")
    public String cancelResult;

    @Column(name = "fiscal_perform", columnDefinition = "text")
    public String fiscalPerform;

    @Column(name = "fiscal_cancel", columnDefinition = "text")
    public String fiscalCancel;

    @Column(name = "click_trans_id")
    public Long clickTransId;

    @Column(name = "click_paydoc_id")
    public Long clickPaydocId;

    @Column(name = "merchant_confirm_id")
    public Long merchantConfirmId;

    @Column(name = "click_error")
    public Integer clickError;

    @Column(name = "click_error_note")
    public String clickErrorNote;

    @Column(name = "uzum_payment_source", length = 64)
    public String uzumPaymentSource;

    @Column(name = "uzum_phone_masked", length = 32)
    public String uzumPhoneMasked;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
