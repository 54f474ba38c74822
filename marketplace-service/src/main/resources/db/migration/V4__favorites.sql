CREATE TABLE favorite (
    client_id  uuid        NOT NULL,
    salon_id   uuid        NOT NULL REFERENCES salon (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, salon_id)
);
