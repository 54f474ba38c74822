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
import java.time.Instant;
import java.util.UUID;

/** A provider webhook call exactly as received and answered (credentials redacted). */
@Entity
@Table(name = "webhook_call")
public class WebhookCall extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Provider provider;

    @Column(nullable = false, length = 128)
    public String endpoint;

    @Column(length = 64)
    public String merchant;

    @Column(length = 64)
    public String method;

    @Column(name = "provider_transaction_id", length = 64)
    public String providerTransactionId;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "remote_address", length = 64)
    public String remoteAddress;

    @Column(name = "request_headers", nullable = false, columnDefinition = "text")
    public String requestHeaders;

    @Column(name = "request_body", nullable = false, columnDefinition = "text")
    public String requestBody;

    @Column(name = "response_status", nullable = false)
    public int responseStatus;

    @Column(name = "response_body", nullable = false, columnDefinition = "text")
    public String responseBody;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
