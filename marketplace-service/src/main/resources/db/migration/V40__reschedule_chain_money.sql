-- A rescheduled booking is a chain B1 -> B2 -> ... (rescheduled_from); its payment was made for one
-- booking of the chain and payments-service knows only that booking's id.

-- A paid booking that is moved keeps the refund tier that applied when it was moved: later
-- cancellations refund at most this share, so moving a booking out of a 0 % tier cannot buy 100 %.
ALTER TABLE booking ADD COLUMN refund_cap_percent integer CHECK (refund_cap_percent BETWEEN 0 AND 100);

-- Refund decisions name the payment to give back and the first booking of the chain.
ALTER TABLE refund_request ADD COLUMN original_booking_id uuid REFERENCES booking (id);

UPDATE refund_request r SET payment_id = b.payment_id
FROM booking b WHERE b.id = r.booking_id AND r.payment_id IS NULL AND b.payment_id IS NOT NULL;

WITH RECURSIVE up (refund_id, booking_id, previous) AS (
    SELECT r.id, b.id, b.rescheduled_from FROM refund_request r JOIN booking b ON b.id = r.booking_id
    UNION ALL
    SELECT up.refund_id, b.id, b.rescheduled_from FROM up JOIN booking b ON b.id = up.previous
)
UPDATE refund_request r SET original_booking_id = up.booking_id
FROM up WHERE up.refund_id = r.id AND up.previous IS NULL;

ALTER TABLE refund_request ALTER COLUMN original_booking_id SET NOT NULL;
