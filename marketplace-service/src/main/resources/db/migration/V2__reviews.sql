-- Reviews: one per COMPLETED booking (partial unique index keeps soft-deleted ones out of the way);
-- salon and master carry their rating aggregates so search can sort and filter on them.
CREATE TABLE review (
    id               uuid PRIMARY KEY,
    booking_id       uuid        NOT NULL REFERENCES booking (id),
    salon_id         uuid        NOT NULL REFERENCES salon (id),
    master_id        uuid        NOT NULL REFERENCES master (id),
    client_id        uuid        NOT NULL,
    rating           integer     NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body             varchar,
    owner_reply      varchar,
    owner_replied_at timestamptz,
    hidden           boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz
);
CREATE UNIQUE INDEX review_booking_uq ON review (booking_id) WHERE deleted_at IS NULL;
CREATE INDEX review_salon_idx ON review (salon_id, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX review_master_idx ON review (master_id) WHERE deleted_at IS NULL;

ALTER TABLE salon ADD COLUMN rating_avg double precision NOT NULL DEFAULT 0;
ALTER TABLE salon ADD COLUMN rating_count integer NOT NULL DEFAULT 0;
ALTER TABLE master ADD COLUMN rating_avg double precision NOT NULL DEFAULT 0;
ALTER TABLE master ADD COLUMN rating_count integer NOT NULL DEFAULT 0;
