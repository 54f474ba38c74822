-- A salon or master with live bookings (PENDING_PAYMENT / CONFIRMED, not yet over) cannot be
-- soft-deleted: their clients could no longer see or cancel them, and payments-service could no
-- longer ask about them. The application answers 409 first; these triggers make it hold under
-- concurrency too. SQLSTATEs: AU409 delete refused; AUS04 / AUM04 booking a deleted salon / master.

CREATE FUNCTION refuse_delete_with_live_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    live bigint;
BEGIN
    IF OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN
        -- Runs after the row lock was taken, with a fresh snapshot: a booking inserted meanwhile
        -- (it holds this row FOR SHARE, see below) has committed and is counted.
        SELECT count(*) INTO live FROM booking b
        WHERE (CASE TG_TABLE_NAME WHEN 'salon' THEN b.salon_id ELSE b.master_id END) = NEW.id
          AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED') AND b.ends_at > now() AND b.deleted_at IS NULL;
        IF live > 0 THEN
            RAISE EXCEPTION '% % has % live booking(s)', TG_TABLE_NAME, NEW.id, live
                USING ERRCODE = 'AU409';
        END IF;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER salon_delete_guard BEFORE UPDATE OF deleted_at ON salon
    FOR EACH ROW EXECUTE FUNCTION refuse_delete_with_live_bookings();
CREATE TRIGGER master_delete_guard BEFORE UPDATE OF deleted_at ON master
    FOR EACH ROW EXECUTE FUNCTION refuse_delete_with_live_bookings();

-- A new booking holds its salon and master FOR SHARE until it commits, so a concurrent soft delete
-- waits for it (and then counts it), and a booking never lands on a deleted salon or master.
CREATE FUNCTION booking_requires_live_salon_and_master() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM salon WHERE id = NEW.salon_id AND deleted_at IS NULL FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'salon % is deleted', NEW.salon_id USING ERRCODE = 'AUS04';
    END IF;
    PERFORM 1 FROM master WHERE id = NEW.master_id AND deleted_at IS NULL FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'master % is deleted', NEW.master_id USING ERRCODE = 'AUM04';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER booking_live_salon_and_master BEFORE INSERT ON booking
    FOR EACH ROW EXECUTE FUNCTION booking_requires_live_salon_and_master();
