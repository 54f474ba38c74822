-- docker-compose only: one database per service, owned by the local-dev role, with the extensions
-- the migrations need (some can only be created by a superuser).
CREATE ROLE aurelle LOGIN PASSWORD 'aurelle';
CREATE DATABASE aurelle_auth OWNER aurelle;
CREATE DATABASE aurelle_marketplace OWNER aurelle;
CREATE DATABASE aurelle_payments OWNER aurelle;
\connect aurelle_auth
CREATE EXTENSION IF NOT EXISTS pgcrypto;
\connect aurelle_marketplace
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
\connect aurelle_payments
CREATE EXTENSION IF NOT EXISTS pgcrypto;
