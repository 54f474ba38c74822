-- Invitations that let a person link their MASTER account to a salon's master record: the owner
-- creates one, the code goes to the person out of band, and only its holder's acceptance links the
-- account (master.user_id). Only the SHA-256 of the code is stored.
CREATE TABLE master_invitation (
    id          uuid PRIMARY KEY,
    master_id   uuid        NOT NULL REFERENCES master (id),
    code_hash   varchar(64) NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
    created_by  uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    accepted_by uuid,
    -- Set when the owner revokes it, replaces it with a new one or deletes the master.
    revoked_at  timestamptz,
    CHECK (expires_at > created_at),
    CHECK ((accepted_at IS NULL) = (accepted_by IS NULL)),
    CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);
CREATE UNIQUE INDEX master_invitation_code_hash_uq ON master_invitation (code_hash);
-- At most one pending invitation per master, whatever the application does.
CREATE UNIQUE INDEX master_invitation_pending_uq ON master_invitation (master_id)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;

-- master_user_salon_uq (V1) already keeps one account from being linked to two live masters of a salon.
