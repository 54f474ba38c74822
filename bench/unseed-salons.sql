-- Removes what bench/seed-salons.sql created (owner be7c0000-0000-4000-8000-000000000000, names "Bench ...").
\set bench_owner '\'be7c0000-0000-4000-8000-000000000000\''
BEGIN;
DELETE FROM salon_opening_hours WHERE salon_id IN (SELECT id FROM salon WHERE owner_id = :bench_owner AND name_en LIKE 'Bench %');
DELETE FROM salon_service WHERE salon_id IN (SELECT id FROM salon WHERE owner_id = :bench_owner AND name_en LIKE 'Bench %');
DELETE FROM salon WHERE owner_id = :bench_owner AND name_en LIKE 'Bench %';
COMMIT;
VACUUM ANALYZE salon;
VACUUM ANALYZE salon_service;
VACUUM ANALYZE salon_opening_hours;
