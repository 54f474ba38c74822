-- What the client sees of a refund on their booking: the amount decided (or reported by the provider)
-- and whether it is still under way or done. NULL when no refund applies.
ALTER TABLE booking ADD COLUMN refund_tiyin bigint CHECK (refund_tiyin > 0);
ALTER TABLE booking ADD COLUMN refund_status varchar CHECK (refund_status IN ('PENDING', 'REFUNDED'));
ALTER TABLE booking ADD CONSTRAINT booking_refund_complete
    CHECK ((refund_tiyin IS NULL) = (refund_status IS NULL) AND (refund_tiyin IS NULL OR refund_tiyin <= amount_tiyin));

UPDATE booking b SET refund_tiyin = r.amount_tiyin,
                     refund_status = CASE WHEN r.status = 'DONE' THEN 'REFUNDED' ELSE 'PENDING' END
FROM refund_request r
WHERE r.booking_id = b.id AND r.amount_tiyin > 0;
