-- Accounts. Phone is stored normalised (+998XXXXXXXXX), email lower-cased; both unique only among
-- live accounts so a soft-deleted person's phone/email can register again.
CREATE TABLE users (
    id             uuid PRIMARY KEY,
    phone          varchar(13),
    email          varchar(254),
    password_hash  varchar(255) NOT NULL,
    name           varchar(100) NOT NULL,
    locale         varchar(2)   NOT NULL DEFAULT 'ru',
    roles          varchar(20)[] NOT NULL,
    active         boolean      NOT NULL DEFAULT true,
    deleted_at     timestamptz,
    anonymised_at  timestamptz,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT users_phone_format CHECK (phone IS NULL OR phone ~ '^\+998[0-9]{9}$'),
    CONSTRAINT users_email_lower CHECK (email IS NULL OR email = lower(email)),
    CONSTRAINT users_locale_known CHECK (locale IN ('ru', 'uz', 'en')),
    CONSTRAINT users_has_login CHECK (phone IS NOT NULL OR email IS NOT NULL OR anonymised_at IS NOT NULL),
    CONSTRAINT users_roles_known CHECK (roles <@ ARRAY['CLIENT', 'MASTER', 'SALON_OWNER', 'ADMIN']::varchar(20)[]
                                        AND cardinality(roles) > 0),
    CONSTRAINT users_anonymised_only_deleted CHECK (anonymised_at IS NULL OR deleted_at IS NOT NULL)
);

CREATE UNIQUE INDEX users_phone_live_uq ON users (phone) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX users_email_live_uq ON users (email) WHERE deleted_at IS NULL;
-- The anonymisation job looks for deleted, not yet anonymised accounts.
CREATE INDEX users_pending_anonymisation_idx ON users (deleted_at) WHERE deleted_at IS NOT NULL AND anonymised_at IS NULL;

-- Electronic consent (ZRU-547): which document version was accepted, when and from where.
CREATE TABLE consent_records (
    id           uuid PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id),
    document     varchar(20) NOT NULL CHECK (document IN ('TERMS', 'PRIVACY')),
    version      varchar(40) NOT NULL,
    accepted_at  timestamptz NOT NULL,
    ip           varchar(45)
);
CREATE INDEX consent_records_user_idx ON consent_records (user_id);

-- Opaque refresh tokens: only the SHA-256 of the token is stored. Tokens of one login form a family
-- (rotation chain); the family's absolute expiry is copied onto every member so rotation never extends it.
CREATE TABLE refresh_tokens (
    id                 uuid PRIMARY KEY,
    token_hash         varchar(64) NOT NULL,
    user_id            uuid        NOT NULL REFERENCES users (id),
    family_id          uuid        NOT NULL,
    parent_id          uuid REFERENCES refresh_tokens (id),
    created_at         timestamptz NOT NULL,
    expires_at         timestamptz NOT NULL,
    family_expires_at  timestamptz NOT NULL,
    used_at            timestamptz,
    revoked_at         timestamptz,
    CONSTRAINT refresh_tokens_expiry_within_family CHECK (expires_at <= family_expires_at)
);
CREATE UNIQUE INDEX refresh_tokens_hash_uq ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_live_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL;

-- OAuth 2.0 client-credentials accounts (other services). Secrets stored as Argon2id hashes.
CREATE TABLE service_clients (
    client_id    varchar(64) PRIMARY KEY,
    secret_hash  varchar(255) NOT NULL,
    roles        varchar(20)[] NOT NULL,
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
