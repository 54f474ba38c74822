-- 10 000 realistic ACTIVE bench salons in and around Tashkent, each with 3-6 services, for the
-- search benchmark (bench/run.sh). Every bench row belongs to the dedicated owner
-- be7c0000-0000-4000-8000-000000000000 and every salon name starts with "Bench ", so
-- bench/unseed-salons.sql removes exactly them. Columns follow marketplace-service's Flyway
-- migrations V1 (salon, salon_service, salon_opening_hours), V2 (rating_avg, rating_count), V3 and V21
-- (search_name, week_span are generated; search_doc is kept by triggers).
-- Re-runnable: removes earlier bench rows first. Usage: psql -v ON_ERROR_STOP=1 -d aurelle_marketplace -f ...
\set bench_owner '\'be7c0000-0000-4000-8000-000000000000\''
BEGIN;
DELETE FROM salon_opening_hours WHERE salon_id IN (SELECT id FROM salon WHERE owner_id = :bench_owner);
DELETE FROM salon_service WHERE salon_id IN (SELECT id FROM salon WHERE owner_id = :bench_owner);
DELETE FROM salon WHERE owner_id = :bench_owner;

CREATE TEMP TABLE bench_names (n int PRIMARY KEY, uz text, ru text) ON COMMIT DROP;
INSERT INTO bench_names VALUES
 (0, 'Nafosat', 'Нафосат'), (1, 'Malika', 'Малика'), (2, 'Zilola', 'Зилола'), (3, 'Go''zallik', 'Гўзаллик'),
 (4, 'Shahzoda', 'Шаҳзода'), (5, 'Lola', 'Лола'), (6, 'Dilnoza', 'Дилноза'), (7, 'Sevara', 'Севара'),
 (8, 'Gulnora', 'Гулнора'), (9, 'Barno', 'Барно'), (10, 'Oydin', 'Ойдин'), (11, 'Charos', 'Чарос');
CREATE TEMP TABLE bench_kinds (k int PRIMARY KEY, uz text, ru text, en text) ON COMMIT DROP;
INSERT INTO bench_kinds VALUES
 (0, 'go''zallik saloni', 'салон красоты', 'Beauty Salon'), (1, 'studiya', 'студия', 'Studio'),
 (2, 'barbershop', 'барбершоп', 'Barbershop'), (3, 'SPA markazi', 'СПА центр', 'Spa'),
 (4, 'tirnoq studiyasi', 'ногтевая студия', 'Nail Bar');
CREATE TEMP TABLE bench_districts (d int PRIMARY KEY, name text) ON COMMIT DROP;
INSERT INTO bench_districts VALUES
 (0, 'Yunusobod'), (1, 'Chilonzor'), (2, 'Mirzo Ulug''bek'), (3, 'Yakkasaroy'), (4, 'Shayxontohur'),
 (5, 'Mirobod'), (6, 'Olmazor'), (7, 'Sergeli'), (8, 'Uchtepa'), (9, 'Yashnobod');

INSERT INTO salon (id, owner_id, name_ru, name_uz, name_en, description_ru, description_uz, description_en,
                   address, city, latitude, longitude, phone, photos, time_zone, prepayment_required,
                   status, rating_avg, rating_count, created_at, updated_at)
SELECT md5('bench-salon-' || i)::uuid, :bench_owner,
       'Bench ' || n.ru || ' ' || k.ru || ' №' || i,
       'Bench ' || n.uz || ' ' || k.uz || ' ' || i,
       'Bench ' || n.uz || ' ' || k.en || ' ' || i,
       'Салон для нагрузочного теста', 'Yuklama testi uchun salon', 'Load-test salon',
       d.name || ' tumani, ' || (1 + i % 120) || '-uy', 'Tashkent',
       -- Tashkent is roughly 41.20..41.40 N, 69.15..69.35 E
       41.20 + (hashint4(i) & 65535) / 65535.0 * 0.20,
       69.15 + (hashint4(i + 1000003) & 65535) / 65535.0 * 0.20,
       '+99890' || lpad((1000000 + i)::text, 7, '0'),
       ARRAY['https://cdn.aurelle.uz/bench/' || i || '.jpg'], 'Asia/Tashkent', i % 4 = 0,
       'ACTIVE', round((3 + (i % 21) / 10.0)::numeric, 1), i % 250,
       now() - (i % 900) * interval '1 day', now()
FROM generate_series(1, 10000) AS i
JOIN bench_names n ON n.n = i % 12
JOIN bench_kinds k ON k.k = (i / 12) % 5
JOIN bench_districts d ON d.d = (i / 7) % 10;

CREATE TEMP TABLE bench_services (t int PRIMARY KEY, category int, ru text, uz text, en text, minutes int, price_uzs int)
    ON COMMIT DROP;
INSERT INTO bench_services VALUES
 (0, 1, 'Женская стрижка', 'Ayollar soch turmagi', 'Women''s haircut', 60, 150000),
 (1, 5, 'Мужская стрижка', 'Erkaklar soch olish', 'Men''s haircut', 45, 80000),
 (2, 2, 'Маникюр', 'Manikyur', 'Manicure', 60, 120000),
 (3, 2, 'Педикюр', 'Pedikyur', 'Pedicure', 75, 150000),
 (4, 3, 'Вечерний макияж', 'Kechki pardoz', 'Evening make-up', 90, 300000),
 (5, 4, 'СПА-программа', 'SPA dasturi', 'Spa programme', 120, 500000),
 (6, 7, 'Классический массаж', 'Klassik massaj', 'Classic massage', 60, 250000),
 (7, 8, 'Ламинирование ресниц', 'Kipriklarni laminatsiya qilish', 'Lash lift', 60, 200000),
 (8, 9, 'Шугаринг', 'Shugaring', 'Sugaring', 45, 180000),
 (9, 6, 'Чистка лица', 'Yuzni tozalash', 'Facial cleansing', 60, 280000);

-- 3..6 services per salon, prices vary +-40 % around the template price (whole so'm, stored in tiyin)
INSERT INTO salon_service (id, salon_id, category_id, name_ru, name_uz, name_en, duration_minutes, price_tiyin,
                           home_service, vat_percent)
SELECT md5('bench-service-' || i || '-' || j)::uuid, md5('bench-salon-' || i)::uuid,
       ('00000000-0000-4000-8000-' || lpad(t.category::text, 12, '0'))::uuid,
       t.ru, t.uz, t.en, t.minutes,
       (t.price_uzs * (60 + (hashint4(i * 16 + j) & 1023) % 81) / 100 / 1000 * 1000)::bigint * 100,
       (i + j) % 9 = 0, 0
FROM generate_series(1, 10000) AS i
CROSS JOIN generate_series(0, 5) AS j
JOIN bench_services t ON t.t = (i + j * 3) % 10
WHERE j < 3 + i % 4;

-- Opening hours (V21): a tenth round the clock, a tenth closed on Sunday, a tenth 10:00-02:00 every
-- day, the rest 09:00-21:00 and Sunday 10:00-18:00.
INSERT INTO salon_opening_hours (salon_id, day_of_week, opens_at, closes_at)
SELECT md5('bench-salon-' || i)::uuid, day,
       CASE WHEN i % 10 = 0 THEN '00:00' WHEN i % 10 = 2 OR (day = 7 AND i % 10 <> 1) THEN '10:00' ELSE '09:00' END::time,
       CASE WHEN i % 10 = 0 THEN '00:00' WHEN i % 10 = 2 THEN '02:00' WHEN day = 7 THEN '18:00' ELSE '21:00' END::time
FROM generate_series(1, 10000) AS i
CROSS JOIN generate_series(1, 7) AS day
WHERE NOT (i % 10 = 1 AND day = 7);
COMMIT;
-- Loading services and hours rewrote every salon row (the triggers keeping search_doc and open_week):
-- vacuum the dead versions, as after any bulk load, or counts and scans wade through three times the rows.
VACUUM ANALYZE salon;
VACUUM ANALYZE salon_service;
VACUUM ANALYZE salon_opening_hours;
SELECT count(*) AS bench_salons FROM salon WHERE owner_id = :bench_owner;
SELECT count(*) AS bench_services FROM salon_service
 WHERE salon_id IN (SELECT id FROM salon WHERE owner_id = :bench_owner);
