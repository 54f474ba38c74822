-- Test-only table showing the soft-delete migration pattern every service uses.
CREATE TABLE fixture_person (
    id         uuid PRIMARY KEY,
    name       text NOT NULL,
    phone      text NOT NULL,
    email      text,
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
-- Unique only among live rows: a deleted person's phone/email can register again.
CREATE UNIQUE INDEX fixture_person_phone_live_uq ON fixture_person (phone) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX fixture_person_email_live_uq ON fixture_person (lower(email)) WHERE deleted_at IS NULL;
-- Admin lists of deleted rows.
CREATE INDEX fixture_person_deleted_idx ON fixture_person (deleted_at) WHERE deleted_at IS NOT NULL;
