-- Promo codes: salon-scoped (salon_id set) or global (salon_id NULL, created by admins).
-- redeemed_count is the live number of redemptions; it only moves under the code's row lock and
-- the CHECK keeps it within max_redemptions whatever the application does.
CREATE TABLE promo_code (
    id               uuid PRIMARY KEY,
    code             varchar     NOT NULL CHECK (code ~ '^[A-Z0-9_-]{3,32}$'),
    salon_id         uuid REFERENCES salon (id),
    created_by       uuid        NOT NULL,
    kind             varchar     NOT NULL CHECK (kind IN ('PERCENT', 'FIXED')),
    value            bigint      NOT NULL CHECK (value > 0),
    valid_from       timestamptz NOT NULL,
    valid_until      timestamptz NOT NULL,
    max_redemptions  integer CHECK (max_redemptions > 0),
    max_per_client   integer CHECK (max_per_client > 0),
    min_amount_tiyin bigint      NOT NULL DEFAULT 0 CHECK (min_amount_tiyin >= 0),
    redeemed_count   integer     NOT NULL DEFAULT 0 CHECK (redeemed_count >= 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    CHECK (kind <> 'PERCENT' OR value <= 100),
    CHECK (valid_until > valid_from),
    CHECK (max_redemptions IS NULL OR redeemed_count <= max_redemptions)
);
CREATE UNIQUE INDEX promo_code_salon_live_uq ON promo_code (salon_id, code)
    WHERE deleted_at IS NULL AND salon_id IS NOT NULL;
CREATE UNIQUE INDEX promo_code_global_live_uq ON promo_code (code)
    WHERE deleted_at IS NULL AND salon_id IS NULL;

-- One redemption per (code, booking); released_at is set when an unpaid booking is cancelled or expires.
CREATE TABLE promo_redemption (
    id             uuid PRIMARY KEY,
    promo_code_id  uuid        NOT NULL REFERENCES promo_code (id),
    booking_id     uuid        NOT NULL REFERENCES booking (id),
    client_id      uuid        NOT NULL,
    discount_tiyin bigint      NOT NULL CHECK (discount_tiyin >= 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    released_at    timestamptz,
    CONSTRAINT promo_redemption_code_booking_uq UNIQUE (promo_code_id, booking_id)
);
CREATE INDEX promo_redemption_client_idx ON promo_redemption (promo_code_id, client_id) WHERE released_at IS NULL;
CREATE INDEX promo_redemption_booking_idx ON promo_redemption (booking_id);
