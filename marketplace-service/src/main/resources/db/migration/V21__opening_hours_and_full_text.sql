-- Opening hours ("open now") and weighted full-text search over salons.

-- ---- opening hours -----------------------------------------------------------------------------
-- A row is one interval of the weekday on which it opens, in the salon's zone. closes_at not after
-- opens_at means it closes the next day (Fri 20:00-02:00 ends Saturday 02:00), so 09:00-00:00 is
-- "until midnight" and 00:00-00:00 is round the clock; the same rule as master_working_hours.
-- week_span places the interval on the week as minutes from Monday 00:00, wrapping from Sunday
-- night into Monday morning, so overlaps (also across midnight and the week's end) are one
-- exclusion constraint, and "open now" is one containment test on their union (salon.open_week).
CREATE FUNCTION aurelle_week_span(day integer, opens time, closes time) RETURNS int4multirange
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE WHEN b.e <= 10080 THEN int4multirange(int4range(b.s, b.e))
            ELSE int4multirange(int4range(b.s, 10080), int4range(0, b.e - 10080)) END
FROM (SELECT (day - 1) * 1440 + m.o AS s,
             (day - 1) * 1440 + m.o + CASE WHEN m.c > m.o THEN m.c - m.o ELSE m.c + 1440 - m.o END AS e
      FROM (SELECT (extract(hour FROM opens) * 60 + extract(minute FROM opens))::int AS o,
                   (extract(hour FROM closes) * 60 + extract(minute FROM closes))::int AS c) m) b
$$;

-- Minutes since Monday 00:00 of the wall clock in zone at instant at (inlined into queries; float
-- date_part rather than numeric extract, as it runs once per candidate salon).
CREATE FUNCTION aurelle_week_minute(zone text, at timestamptz) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT floor(date_part('epoch', timezone(zone, at) - date_trunc('week', timezone(zone, at))) / 60)::int
$$;

ALTER TABLE salon_opening_hours
    ADD CONSTRAINT salon_opening_hours_whole_minutes
        CHECK (extract(second FROM opens_at) = 0 AND extract(second FROM closes_at) = 0),
    ADD COLUMN week_span int4multirange NOT NULL
        GENERATED ALWAYS AS (aurelle_week_span(day_of_week, opens_at, closes_at)) STORED;
ALTER TABLE salon_opening_hours
    ADD CONSTRAINT salon_opening_hours_no_overlap EXCLUDE USING gist (salon_id WITH =, week_span WITH &&);

-- The whole week on the salon row, kept by triggers: "open now" is then a test on the row itself
-- (~10 ms over 10 000 salons) instead of an index probe into the hours per candidate (~60 ms).
ALTER TABLE salon ADD COLUMN open_week int4multirange NOT NULL DEFAULT '{}';

CREATE FUNCTION aurelle_salon_open_week() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    salons uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        salons := ARRAY(SELECT DISTINCT salon_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        salons := ARRAY(SELECT DISTINCT salon_id FROM old_rows);
    ELSE
        salons := ARRAY(SELECT salon_id FROM new_rows UNION SELECT salon_id FROM old_rows);
    END IF;
    UPDATE salon s SET open_week = (SELECT coalesce(range_agg(oh.week_span), '{}') FROM salon_opening_hours oh
                                    WHERE oh.salon_id = s.id)
    WHERE s.id = ANY (salons);
    RETURN NULL;
END
$$;
CREATE TRIGGER salon_opening_hours_week_insert AFTER INSERT ON salon_opening_hours
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aurelle_salon_open_week();
CREATE TRIGGER salon_opening_hours_week_update AFTER UPDATE ON salon_opening_hours
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aurelle_salon_open_week();
CREATE TRIGGER salon_opening_hours_week_delete AFTER DELETE ON salon_opening_hours
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION aurelle_salon_open_week();
UPDATE salon s SET open_week = (SELECT coalesce(range_agg(oh.week_span), '{}') FROM salon_opening_hours oh
                                WHERE oh.salon_id = s.id)
WHERE EXISTS (SELECT 1 FROM salon_opening_hours oh WHERE oh.salon_id = s.id);

-- ---- full text -----------------------------------------------------------------------------------
-- search_doc: salon names (weight A), names of its live services and of their categories (B),
-- descriptions (C). Russian text through the 'russian' stemmer, English through 'english', and
-- everything once more as 'simple' lexemes of aurelle_norm (Uzbek has no stemmer; this also makes
-- Cyrillic and Latin Uzbek spellings meet). Kept by triggers, so every write path keeps it right.
CREATE FUNCTION aurelle_salon_doc(salon uuid, name_ru text, name_uz text, name_en text, description_ru text,
                                  description_uz text, description_en text) RETURNS tsvector
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT setweight(to_tsvector('russian', name_ru) || to_tsvector('english', name_en)
                     || to_tsvector('simple', aurelle_norm(concat_ws(' ', name_ru, name_uz, name_en))), 'A')
    || setweight(coalesce((SELECT to_tsvector('russian', string_agg(t.ru, ' ')) || to_tsvector('english', string_agg(t.en, ' '))
                                      || to_tsvector('simple', aurelle_norm(string_agg(concat_ws(' ', t.ru, t.uz, t.en), ' ')))
                           FROM (SELECT v.name_ru AS ru, v.name_uz AS uz, v.name_en AS en
                                 FROM salon_service v WHERE v.salon_id = salon AND v.deleted_at IS NULL
                                 UNION
                                 SELECT c.name_ru, c.name_uz, c.name_en FROM category c
                                 WHERE c.id IN (SELECT v.category_id FROM salon_service v
                                                WHERE v.salon_id = salon AND v.deleted_at IS NULL)) t), ''), 'B')
    || setweight(to_tsvector('russian', coalesce(description_ru, '')) || to_tsvector('english', coalesce(description_en, ''))
                     || to_tsvector('simple', aurelle_norm(concat_ws(' ', description_ru, description_uz, description_en))), 'C')
$$;

-- The query side of the same three configurations: a match in any of them counts. websearch syntax
-- ("quoted phrase", or, -word) and never a syntax error on user input.
CREATE FUNCTION aurelle_tsquery(q text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT websearch_to_tsquery('russian', q) || websearch_to_tsquery('english', q)
           || websearch_to_tsquery('simple', aurelle_norm(q))
$$;

-- Relevance of a text match: a tier, then a score inside it below 1, so tiers never mix.
-- Tier 3: the name alone matches (full text, or the name's trigram similarity passed the threshold);
-- tier 2: name and services/categories together match, or a service name by trigram (a typo);
-- tier 1: only with the description. Inside a tier: ts_rank_cd with weights (D, C, B, A) =
-- (0.1, 0.2, 0.4, 1.0), normalised to [0, 1) by rank/(rank+1), or the name's similarity if higher.
-- Tiers, because ts_rank_cd alone adds up occurrences: a word in five service names outranked the
-- salon named after it (and ts_rank's scale changes with the number of query terms).
CREATE FUNCTION aurelle_relevance(doc tsvector, q tsquery, name_similarity real, service_hit boolean) RETURNS real
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT (CASE WHEN name_similarity > 0 OR ts_filter(doc, '{a}') @@ q THEN 3
             WHEN service_hit OR ts_filter(doc, '{a,b}') @@ q THEN 2
             ELSE 1 END
        + 0.5 * greatest(name_similarity, ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', doc, q, 32)))::real
$$;

ALTER TABLE salon ADD COLUMN search_doc tsvector;

CREATE FUNCTION aurelle_salon_doc_own() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    NEW.search_doc := aurelle_salon_doc(NEW.id, NEW.name_ru, NEW.name_uz, NEW.name_en, NEW.description_ru,
                                        NEW.description_uz, NEW.description_en);
    RETURN NEW;
END
$$;
CREATE TRIGGER salon_search_doc_insert BEFORE INSERT ON salon
    FOR EACH ROW EXECUTE FUNCTION aurelle_salon_doc_own();
-- Hibernate writes every column on update: recompute only when a searched text really changed.
CREATE TRIGGER salon_search_doc_update BEFORE UPDATE OF name_ru, name_uz, name_en, description_ru, description_uz,
    description_en ON salon
    FOR EACH ROW
    WHEN ((OLD.name_ru, OLD.name_uz, OLD.name_en, OLD.description_ru, OLD.description_uz, OLD.description_en)
          IS DISTINCT FROM (NEW.name_ru, NEW.name_uz, NEW.name_en, NEW.description_ru, NEW.description_uz,
                            NEW.description_en))
    EXECUTE FUNCTION aurelle_salon_doc_own();

CREATE FUNCTION aurelle_salon_doc_refresh(salons uuid[]) RETURNS void LANGUAGE sql AS
$$
UPDATE salon s SET search_doc = aurelle_salon_doc(s.id, s.name_ru, s.name_uz, s.name_en, s.description_ru,
                                                  s.description_uz, s.description_en)
WHERE s.id = ANY (salons)
$$;

-- Statement-level with transition tables: a bulk insert of services rewrites each salon's document
-- once, not once per service row.
CREATE FUNCTION aurelle_salon_doc_services() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM aurelle_salon_doc_refresh(ARRAY(SELECT DISTINCT salon_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM aurelle_salon_doc_refresh(ARRAY(SELECT DISTINCT salon_id FROM old_rows));
    ELSE
        -- price, duration and the like do not touch the document
        PERFORM aurelle_salon_doc_refresh(ARRAY(
            SELECT n.salon_id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.salon_id, n.category_id, n.name_ru, n.name_uz, n.name_en, n.deleted_at)
                  IS DISTINCT FROM (o.salon_id, o.category_id, o.name_ru, o.name_uz, o.name_en, o.deleted_at)
            UNION
            SELECT o.salon_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.salon_id <> o.salon_id));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER salon_service_search_doc_insert AFTER INSERT ON salon_service
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aurelle_salon_doc_services();
CREATE TRIGGER salon_service_search_doc_update AFTER UPDATE ON salon_service
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aurelle_salon_doc_services();
CREATE TRIGGER salon_service_search_doc_delete AFTER DELETE ON salon_service
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION aurelle_salon_doc_services();

CREATE FUNCTION aurelle_salon_doc_categories() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM aurelle_salon_doc_refresh(ARRAY(
        SELECT DISTINCT v.salon_id FROM salon_service v JOIN new_rows n ON n.id = v.category_id
        JOIN old_rows o ON o.id = n.id
        WHERE v.deleted_at IS NULL
          AND (n.name_ru, n.name_uz, n.name_en) IS DISTINCT FROM (o.name_ru, o.name_uz, o.name_en)));
    RETURN NULL;
END
$$;
CREATE TRIGGER category_search_doc_update AFTER UPDATE ON category
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aurelle_salon_doc_categories();

UPDATE salon s SET search_doc = aurelle_salon_doc(s.id, s.name_ru, s.name_uz, s.name_en, s.description_ru,
                                                  s.description_uz, s.description_en);
CREATE INDEX salon_search_doc_idx ON salon USING gin (search_doc) WHERE deleted_at IS NULL;

-- Service names normalised once on write: the trigram recheck then reads a column instead of
-- running aurelle_norm for every candidate row (a broad word like "manikyur" rechecks ~10 000).
ALTER TABLE salon_service ADD COLUMN search_name text
    GENERATED ALWAYS AS (aurelle_norm(name_ru || ' ' || name_uz || ' ' || name_en)) STORED;
CREATE INDEX salon_service_search_name_trgm ON salon_service USING gin (search_name gin_trgm_ops)
    WHERE deleted_at IS NULL;
DROP INDEX salon_service_search_trgm;

-- ---- filters and orders ----------------------------------------------------------------------------
-- Category (+ price range) searches start from the matching services instead of probing every
-- salon's services; the category-only index is a prefix of this one.
CREATE INDEX salon_service_category_price_idx ON salon_service (category_id, price_tiyin) INCLUDE (salon_id)
    WHERE deleted_at IS NULL;
DROP INDEX salon_service_category_idx;
-- sort=popularity (and the map feed) can stop after a page instead of sorting every salon.
CREATE INDEX salon_popularity_idx ON salon (rating_count DESC, rating_avg DESC)
    WHERE deleted_at IS NULL AND status = 'ACTIVE';
