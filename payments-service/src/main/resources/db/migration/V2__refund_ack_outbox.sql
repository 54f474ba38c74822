-- Refund decisions are acknowledged to marketplace through the outbox too (durable, retried).
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_type_check;
ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_type_check
    CHECK (type IN ('PAID', 'PAYMENT_CANCELLED', 'REFUNDED', 'HOLD_RELEASE', 'REFUND_ACK'));
CREATE INDEX refund_state ON refund (state, created_at);
