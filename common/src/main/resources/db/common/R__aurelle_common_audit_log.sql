-- Shared audit log (uz.aurelle.common.audit). A *repeatable* migration: it never collides with a
-- service's own V<n> numbers and re-runs only when this file changes, so every statement is idempotent.
CREATE TABLE IF NOT EXISTS audit_log (
    seq         bigint PRIMARY KEY CHECK (seq > 0),
    occurred_at timestamptz NOT NULL,
    actor_type  text NOT NULL,
    actor_id    text,
    action      text NOT NULL,
    target_type text,
    target_id   text,
    ip          text,
    request_id  text,
    severity    text NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    details     text NOT NULL DEFAULT '{}',
    prev_hash   char(64) NOT NULL,
    hash        char(64) NOT NULL UNIQUE
);
CREATE INDEX IF NOT EXISTS audit_log_occurred_at_idx ON audit_log (occurred_at);
CREATE INDEX IF NOT EXISTS audit_log_target_idx ON audit_log (target_type, target_id);
CREATE INDEX IF NOT EXISTS audit_log_actor_idx ON audit_log (actor_type, actor_id);

-- Append-only: UPDATE, DELETE and TRUNCATE are refused even for the application's own role.
-- (An owner can still disable the trigger; the hash chain makes that tampering visible.)
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
DROP TRIGGER IF EXISTS audit_log_no_update_delete ON audit_log;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
