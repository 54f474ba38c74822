-- EXPLAIN (ANALYZE, BUFFERS) of the SQL marketplace-service's SearchService sends for the search
-- scenarios of bench/run.sh, captured from the running service (QUARKUS_HIBERNATE_ORM_LOG_SQL=true)
-- and prepared with the same parameters. Capture it again the same way when SearchService changes.
-- Usage: psql -d <database with the bench salons> -f bench/explain-search.sql
\pset pager off
\echo '== text q=nafosat (relevance: ranked set, total counted from it) =='
PREPARE text_nafosat AS
WITH p AS MATERIALIZED (SELECT
    aurelle_norm($1) AS nq, aurelle_tsquery($2) AS tq), m AS MATERIALIZED (SELECT
    s.id, s.rating_avg, s.rating_count, aurelle_relevance(s.search_doc, p.tq, t.name_sim, t.service_hit) AS relevance, NULL AS distance, NULL AS min_price FROM (SELECT
        u.id, max(u.name_sim) AS name_sim, bool_or(u.service_hit) AS service_hit FROM (SELECT
            x.id, word_similarity(p.nq, x.search_name) AS name_sim, false AS service_hit FROM salon x, p
        WHERE
            x.deleted_at IS NULL
            AND x.search_name %> p.nq
        UNION
        ALL SELECT
            x.id, 0, false FROM salon x, p
        WHERE
            x.deleted_at IS NULL
            AND x.search_doc @@ p.tq
        UNION
        ALL SELECT
            v.salon_id, 0, true FROM salon_service v, p
        WHERE
            v.deleted_at IS NULL
            AND v.search_name %> p.nq) u
    GROUP BY
        u.id) t
    JOIN
        salon s
            ON s.id = t.id
    CROSS JOIN
        p
    WHERE
        s.deleted_at IS NULL
        AND s.status = 'ACTIVE'), top AS (SELECT
            * FROM m
        ORDER BY
            relevance DESC, rating_avg DESC, id
        LIMIT
            $3
        OFFSET
            $4) SELECT
            c.total,
            s.id,
            s.name_ru,
            s.name_uz,
            s.name_en,
            s.address,
            s.latitude,
            s.longitude,
            s.rating_avg,
            s.rating_count,
            (SELECT
                min(v.price_tiyin)
            FROM
                salon_service v
            WHERE
                v.salon_id = s.id
                AND v.deleted_at IS NULL),
            NULL,
            s.photos[1]
        FROM
            (SELECT
                count(*) AS total
            FROM
                m) c
        LEFT JOIN
            top
                ON true
        LEFT JOIN
            salon s
                ON s.id = top.id
        ORDER BY
            top.relevance DESC,
            top.rating_avg DESC,
            top.id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE text_nafosat('nafosat', 'nafosat', 20, 0);
\echo '== text q=manikyur (relevance: ranked set; matches through service names) =='
PREPARE text_manikyur AS
WITH p AS MATERIALIZED (SELECT
    aurelle_norm($1) AS nq, aurelle_tsquery($2) AS tq), m AS MATERIALIZED (SELECT
    s.id, s.rating_avg, s.rating_count, aurelle_relevance(s.search_doc, p.tq, t.name_sim, t.service_hit) AS relevance, NULL AS distance, NULL AS min_price FROM (SELECT
        u.id, max(u.name_sim) AS name_sim, bool_or(u.service_hit) AS service_hit FROM (SELECT
            x.id, word_similarity(p.nq, x.search_name) AS name_sim, false AS service_hit FROM salon x, p
        WHERE
            x.deleted_at IS NULL
            AND x.search_name %> p.nq
        UNION
        ALL SELECT
            x.id, 0, false FROM salon x, p
        WHERE
            x.deleted_at IS NULL
            AND x.search_doc @@ p.tq
        UNION
        ALL SELECT
            v.salon_id, 0, true FROM salon_service v, p
        WHERE
            v.deleted_at IS NULL
            AND v.search_name %> p.nq) u
    GROUP BY
        u.id) t
    JOIN
        salon s
            ON s.id = t.id
    CROSS JOIN
        p
    WHERE
        s.deleted_at IS NULL
        AND s.status = 'ACTIVE'), top AS (SELECT
            * FROM m
        ORDER BY
            relevance DESC, rating_avg DESC, id
        LIMIT
            $3
        OFFSET
            $4) SELECT
            c.total,
            s.id,
            s.name_ru,
            s.name_uz,
            s.name_en,
            s.address,
            s.latitude,
            s.longitude,
            s.rating_avg,
            s.rating_count,
            (SELECT
                min(v.price_tiyin)
            FROM
                salon_service v
            WHERE
                v.salon_id = s.id
                AND v.deleted_at IS NULL),
            NULL,
            s.photos[1]
        FROM
            (SELECT
                count(*) AS total
            FROM
                m) c
        LEFT JOIN
            top
                ON true
        LEFT JOIN
            salon s
                ON s.id = top.id
        ORDER BY
            top.relevance DESC,
            top.rating_avg DESC,
            top.id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE text_manikyur('manikyur', 'manikyur', 20, 0);
\echo '== near 41.311,69.279 within 3 km (distance: ranked set) =='
PREPARE near AS
WITH m AS MATERIALIZED (SELECT
    s.id, s.rating_avg, s.rating_count, NULL AS relevance, earth_distance(ll_to_earth($1, $2), ll_to_earth(s.latitude, s.longitude)) AS distance, NULL AS min_price FROM salon s
WHERE
    s.deleted_at IS NULL
    AND s.status = 'ACTIVE'
    AND earth_box(ll_to_earth($3, $4), $5) @> ll_to_earth(s.latitude, s.longitude)
    AND earth_distance(ll_to_earth($6, $7), ll_to_earth(s.latitude, s.longitude)) <= $8), top AS (SELECT
    * FROM m
ORDER BY
    distance ASC, id
LIMIT
    $9
OFFSET
    $10) SELECT
    c.total,
    s.id,
    s.name_ru,
    s.name_uz,
    s.name_en,
    s.address,
    s.latitude,
    s.longitude,
    s.rating_avg,
    s.rating_count,
    (SELECT
        min(v.price_tiyin)
    FROM
        salon_service v
    WHERE
        v.salon_id = s.id
        AND v.deleted_at IS NULL),
    top.distance,
    s.photos[1]
FROM
    (SELECT
        count(*) AS total
    FROM
        m) c
LEFT JOIN
    top
        ON true
LEFT JOIN
    salon s
        ON s.id = top.id
ORDER BY
    top.distance ASC,
    top.id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE near(41.311, 69.279, 41.311, 69.279, 3000, 41.311, 69.279, 3000, 20, 0);
\echo '== category nails + price 100 000..120 000 UZS (rating): page in index order =='
PREPARE cat_page AS
SELECT
    s.id,
    s.name_ru,
    s.name_uz,
    s.name_en,
    s.address,
    s.latitude,
    s.longitude,
    s.rating_avg,
    s.rating_count,
    (SELECT
        min(v.price_tiyin)
    FROM
        salon_service v
    WHERE
        v.salon_id = s.id
        AND v.deleted_at IS NULL),
    NULL,
    s.photos[1]
FROM
    salon s
WHERE
    s.deleted_at IS NULL
    AND s.status = 'ACTIVE'
    AND EXISTS (SELECT
        1 FROM salon_service v
    WHERE
        v.salon_id = s.id
        AND v.deleted_at IS NULL
        AND v.category_id = $1
        AND v.price_tiyin >= $2
        AND v.price_tiyin <= $3)
ORDER BY
    s.rating_avg DESC,
    s.rating_count DESC,
    s.id
LIMIT
    $4
OFFSET
    $5;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE cat_page('00000000-0000-4000-8000-000000000002', 10000000, 12000000, 20, 0);
\echo '== ... and its count (the page was full) =='
PREPARE cat_count AS
SELECT
    count(*)
FROM
    salon s
WHERE
    s.deleted_at IS NULL
    AND s.status = 'ACTIVE'
    AND EXISTS (SELECT
        1 FROM salon_service v
    WHERE
        v.salon_id = s.id
        AND v.deleted_at IS NULL
        AND v.category_id = $1
        AND v.price_tiyin >= $2
        AND v.price_tiyin <= $3);
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE cat_count('00000000-0000-4000-8000-000000000002', 10000000, 12000000);
\echo '== all salons (rating): page in index order =='
PREPARE all_page AS
SELECT
    s.id,
    s.name_ru,
    s.name_uz,
    s.name_en,
    s.address,
    s.latitude,
    s.longitude,
    s.rating_avg,
    s.rating_count,
    (SELECT
        min(v.price_tiyin)
    FROM
        salon_service v
    WHERE
        v.salon_id = s.id
        AND v.deleted_at IS NULL),
    NULL,
    s.photos[1]
FROM
    salon s
WHERE
    s.deleted_at IS NULL
    AND s.status = 'ACTIVE'
ORDER BY
    s.rating_avg DESC,
    s.rating_count DESC,
    s.id
LIMIT
    $1
OFFSET
    $2;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE all_page(20, 0);
\echo '== ... and its count =='
PREPARE all_count AS
SELECT
    count(*)
FROM
    salon s
WHERE
    s.deleted_at IS NULL
    AND s.status = 'ACTIVE';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE all_count;
\echo '== open now, near 3 km (distance: ranked set) =='
PREPARE open_near AS
WITH m AS MATERIALIZED (SELECT
    s.id, s.rating_avg, s.rating_count, NULL AS relevance, earth_distance(ll_to_earth($1, $2), ll_to_earth(s.latitude, s.longitude)) AS distance, NULL AS min_price FROM salon s
WHERE
    s.deleted_at IS NULL
    AND s.status = 'ACTIVE'
    AND earth_box(ll_to_earth($3, $4), $5) @> ll_to_earth(s.latitude, s.longitude)
    AND earth_distance(ll_to_earth($6, $7), ll_to_earth(s.latitude, s.longitude)) <= $8
    AND (s.open_week @> aurelle_week_minute(s.time_zone, now())
    AND NOT EXISTS (SELECT
        1 FROM salon_closure sc
    WHERE
        sc.salon_id = s.id
        AND sc.starts_at <= now()
        AND sc.ends_at > now()))), top AS (SELECT
    * FROM m
ORDER BY
    distance ASC, id
LIMIT
    $9
OFFSET
    $10) SELECT
    c.total,
    s.id,
    s.name_ru,
    s.name_uz,
    s.name_en,
    s.address,
    s.latitude,
    s.longitude,
    s.rating_avg,
    s.rating_count,
    (SELECT
        min(v.price_tiyin)
    FROM
        salon_service v
    WHERE
        v.salon_id = s.id
        AND v.deleted_at IS NULL),
    top.distance,
    s.photos[1]
FROM
    (SELECT
        count(*) AS total
    FROM
        m) c
LEFT JOIN
    top
        ON true
LEFT JOIN
    salon s
        ON s.id = top.id
ORDER BY
    top.distance ASC,
    top.id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE open_near(41.311, 69.279, 41.311, 69.279, 3000, 41.311, 69.279, 3000, 20, 0);
\echo '== open now, all salons (rating): page in index order =='
PREPARE open_page AS
SELECT
    s.id,
    s.name_ru,
    s.name_uz,
    s.name_en,
    s.address,
    s.latitude,
    s.longitude,
    s.rating_avg,
    s.rating_count,
    (SELECT
        min(v.price_tiyin)
    FROM
        salon_service v
    WHERE
        v.salon_id = s.id
        AND v.deleted_at IS NULL),
    NULL,
    s.photos[1]
FROM
    salon s
WHERE
    s.deleted_at IS NULL
    AND s.status = 'ACTIVE'
    AND (
        s.open_week @> aurelle_week_minute(s.time_zone, now())
        AND NOT EXISTS (SELECT
            1 FROM salon_closure sc
        WHERE
            sc.salon_id = s.id
            AND sc.starts_at <= now()
            AND sc.ends_at > now())
    )
ORDER BY
    s.rating_avg DESC,
    s.rating_count DESC,
    s.id
LIMIT
    $1
OFFSET
    $2;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE open_page(20, 0);
\echo '== ... and its count =='
PREPARE open_count AS
SELECT
    count(*)
FROM
    salon s
WHERE
    s.deleted_at IS NULL
    AND s.status = 'ACTIVE'
    AND (
        s.open_week @> aurelle_week_minute(s.time_zone, now())
        AND NOT EXISTS (SELECT
            1 FROM salon_closure sc
        WHERE
            sc.salon_id = s.id
            AND sc.starts_at <= now()
            AND sc.ends_at > now())
    );
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE open_count;
