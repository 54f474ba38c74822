-- Salon search without an external engine.
-- aurelle_norm folds case and accents, writes Uzbek/Russian Cyrillic in Uzbek Latin and drops the
-- oʻ/gʻ apostrophe variants (ʻ ' ’ ` ʼ ‘), so "Oʻzbekiston", "O'zbekiston", "Ozbekiston" and
-- "Ўзбекистон" all become "ozbekiston". Declared IMMUTABLE so it can back indexes: unaccent() is only
-- STABLE because of its default dictionary lookup, so the dictionary is named explicitly.
CREATE OR REPLACE FUNCTION aurelle_norm(input text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
$$
SELECT translate(
           replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
               lower(public.unaccent('public.unaccent'::regdictionary, input)),
               'ё', 'yo'), 'ж', 'j'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'щ', 'sh'), 'ю', 'yu'), 'я', 'ya'),
               'ў', 'o'), 'ғ', 'g'), 'ҳ', 'h'),
           'абвгдезийклмнопрстуфхыэқъьʻ''’`ʼ‘',
           'abvgdeziyklmnoprstufxieq')
$$;

ALTER TABLE salon ADD COLUMN search_name text
    GENERATED ALWAYS AS (aurelle_norm(name_ru || ' ' || name_uz || ' ' || name_en)) STORED;
CREATE INDEX salon_search_name_trgm ON salon USING gin (search_name gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX salon_service_search_trgm ON salon_service
    USING gin (aurelle_norm(name_ru || ' ' || name_uz || ' ' || name_en) gin_trgm_ops) WHERE deleted_at IS NULL;

-- Geo: an indexable earth_box pre-filter, then the exact earth_distance.
CREATE INDEX salon_earth_idx ON salon USING gist (ll_to_earth(latitude, longitude))
    WHERE deleted_at IS NULL AND status = 'ACTIVE';
CREATE INDEX salon_rating_idx ON salon (rating_avg DESC, rating_count DESC)
    WHERE deleted_at IS NULL AND status = 'ACTIVE';
CREATE INDEX salon_service_price_idx ON salon_service (salon_id, price_tiyin) WHERE deleted_at IS NULL;
