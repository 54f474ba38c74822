-- Catalogue, schedules and bookings. Times are timestamptz (UTC stored); wall-clock schedule
-- times are local to the salon's IANA zone and resolved in Java.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE category (
    id         uuid PRIMARY KEY,
    slug       varchar    NOT NULL UNIQUE,
    name_ru    varchar    NOT NULL,
    name_uz    varchar    NOT NULL,
    name_en    varchar    NOT NULL,
    sort_order integer NOT NULL DEFAULT 0
);

INSERT INTO category (id, slug, name_ru, name_uz, name_en, sort_order) VALUES
 ('00000000-0000-4000-8000-000000000001', 'hair',        'Волосы',            'Soch',                'Hair',           1),
 ('00000000-0000-4000-8000-000000000002', 'nails',       'Ногти',             'Tirnoq',              'Nails',          2),
 ('00000000-0000-4000-8000-000000000003', 'makeup',      'Макияж',            'Pardoz',              'Makeup',         3),
 ('00000000-0000-4000-8000-000000000004', 'spa',         'СПА',               'SPA',                 'Spa',            4),
 ('00000000-0000-4000-8000-000000000005', 'barber',      'Барбершоп',         'Sartaroshxona',       'Barber',         5),
 ('00000000-0000-4000-8000-000000000006', 'cosmetology', 'Косметология',      'Kosmetologiya',       'Cosmetology',    6),
 ('00000000-0000-4000-8000-000000000007', 'massage',     'Массаж',            'Massaj',              'Massage',        7),
 ('00000000-0000-4000-8000-000000000008', 'brows-lashes','Брови и ресницы',   'Qosh va kiprik',      'Brows & lashes', 8),
 ('00000000-0000-4000-8000-000000000009', 'epilation',   'Эпиляция',          'Epilyatsiya',         'Epilation',      9);

CREATE TABLE salon (
    id                        uuid PRIMARY KEY,
    owner_id                  uuid             NOT NULL,
    name_ru                   varchar             NOT NULL,
    name_uz                   varchar             NOT NULL,
    name_en                   varchar             NOT NULL,
    description_ru            varchar,
    description_uz            varchar,
    description_en            varchar,
    address                   varchar             NOT NULL,
    city                      varchar             NOT NULL DEFAULT 'Tashkent',
    latitude                  double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude                 double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    phone                     varchar,
    photos                    varchar[]           NOT NULL DEFAULT '{}',
    time_zone                 varchar             NOT NULL DEFAULT 'Asia/Tashkent',
    slot_interval_minutes     integer          NOT NULL DEFAULT 15  CHECK (slot_interval_minutes BETWEEN 5 AND 240),
    min_notice_minutes        integer          NOT NULL DEFAULT 60  CHECK (min_notice_minutes BETWEEN 0 AND 10080),
    horizon_days              integer          NOT NULL DEFAULT 60  CHECK (horizon_days BETWEEN 1 AND 365),
    hold_minutes              integer          NOT NULL DEFAULT 15  CHECK (hold_minutes BETWEEN 1 AND 1440),
    prepayment_required       boolean          NOT NULL DEFAULT false,
    cancellation_window_hours integer          NOT NULL DEFAULT 2   CHECK (cancellation_window_hours BETWEEN 0 AND 720),
    -- "minHoursBefore:percent" tiers, highest threshold first, e.g. 24:100,12:50,0:0
    refund_tiers              varchar             NOT NULL DEFAULT '24:100,12:50,0:0'
                              CHECK (refund_tiers ~ '^[0-9]{1,4}:[0-9]{1,3}(,[0-9]{1,4}:[0-9]{1,3})*$'),
    status                    varchar             NOT NULL DEFAULT 'PENDING_REVIEW'
                              CHECK (status IN ('PENDING_REVIEW', 'ACTIVE', 'REJECTED', 'SUSPENDED')),
    status_reason             varchar,
    created_at                timestamptz      NOT NULL DEFAULT now(),
    updated_at                timestamptz      NOT NULL DEFAULT now(),
    deleted_at                timestamptz
);
CREATE INDEX salon_owner_idx ON salon (owner_id) WHERE deleted_at IS NULL;
CREATE INDEX salon_status_idx ON salon (status) WHERE deleted_at IS NULL;

-- Public opening hours (shown to clients, used by "open now"); bookable time comes from masters' hours.
CREATE TABLE salon_opening_hours (
    salon_id    uuid    NOT NULL REFERENCES salon (id),
    day_of_week integer NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    opens_at    time    NOT NULL,
    closes_at   time    NOT NULL,
    PRIMARY KEY (salon_id, day_of_week, opens_at)
);

CREATE TABLE salon_closure (
    id         uuid PRIMARY KEY,
    salon_id   uuid        NOT NULL REFERENCES salon (id),
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    reason     varchar,
    CHECK (ends_at > starts_at)
);
CREATE INDEX salon_closure_salon_idx ON salon_closure (salon_id, starts_at);

CREATE TABLE salon_service (
    id                    uuid PRIMARY KEY,
    salon_id              uuid    NOT NULL REFERENCES salon (id),
    category_id           uuid    NOT NULL REFERENCES category (id),
    name_ru               varchar    NOT NULL,
    name_uz               varchar    NOT NULL,
    name_en               varchar    NOT NULL,
    duration_minutes      integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
    price_tiyin           bigint  NOT NULL CHECK (price_tiyin >= 0),
    buffer_before_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 240),
    buffer_after_minutes  integer NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 240),
    home_service          boolean NOT NULL DEFAULT false,
    -- IKPU/MXIK code for fiscal receipts: 17 digits
    ikpu_code             varchar CHECK (ikpu_code ~ '^[0-9]{17}$'),
    package_code          varchar,
    vat_percent           integer NOT NULL DEFAULT 0 CHECK (vat_percent BETWEEN 0 AND 100),
    created_at            timestamptz NOT NULL DEFAULT now(),
    deleted_at            timestamptz
);
CREATE INDEX salon_service_salon_idx ON salon_service (salon_id) WHERE deleted_at IS NULL;
CREATE INDEX salon_service_category_idx ON salon_service (category_id) WHERE deleted_at IS NULL;

CREATE TABLE master (
    id               uuid PRIMARY KEY,
    salon_id         uuid    NOT NULL REFERENCES salon (id),
    user_id          uuid,
    name             varchar    NOT NULL,
    photo_url        varchar,
    specialisation   varchar,
    experience_years integer NOT NULL DEFAULT 0 CHECK (experience_years BETWEEN 0 AND 80),
    created_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz
);
CREATE INDEX master_salon_idx ON master (salon_id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX master_user_salon_uq ON master (salon_id, user_id) WHERE deleted_at IS NULL AND user_id IS NOT NULL;
CREATE INDEX master_user_idx ON master (user_id) WHERE deleted_at IS NULL;

CREATE TABLE master_service (
    master_id        uuid    NOT NULL REFERENCES master (id),
    service_id       uuid    NOT NULL REFERENCES salon_service (id),
    price_tiyin      bigint  CHECK (price_tiyin >= 0),
    duration_minutes integer CHECK (duration_minutes BETWEEN 5 AND 720),
    PRIMARY KEY (master_id, service_id)
);
CREATE INDEX master_service_service_idx ON master_service (service_id);

-- Weekly hours in the salon's zone. ends_at <= starts_at means the shift ends the next day.
CREATE TABLE master_working_hours (
    id          uuid PRIMARY KEY,
    master_id   uuid    NOT NULL REFERENCES master (id),
    day_of_week integer NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    starts_at   time    NOT NULL,
    ends_at     time    NOT NULL
);
CREATE INDEX master_working_hours_master_idx ON master_working_hours (master_id);

CREATE TABLE master_break (
    id          uuid PRIMARY KEY,
    master_id   uuid    NOT NULL REFERENCES master (id),
    day_of_week integer NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    starts_at   time    NOT NULL,
    ends_at     time    NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX master_break_master_idx ON master_break (master_id);

-- A date-specific override: no times = day off; times = these hours instead of the weekly ones.
CREATE TABLE master_date_override (
    id        uuid PRIMARY KEY,
    master_id uuid NOT NULL REFERENCES master (id),
    day       date NOT NULL,
    starts_at time,
    ends_at   time,
    reason    varchar,
    CHECK ((starts_at IS NULL) = (ends_at IS NULL)),
    UNIQUE (master_id, day)
);

CREATE TABLE booking (
    id                    uuid PRIMARY KEY,
    client_id             uuid        NOT NULL,
    salon_id              uuid        NOT NULL REFERENCES salon (id),
    service_id            uuid        NOT NULL REFERENCES salon_service (id),
    master_id             uuid        NOT NULL REFERENCES master (id),
    starts_at             timestamptz NOT NULL,
    ends_at               timestamptz NOT NULL,
    -- bounds widened by the service's buffers, computed by the application
    occupied_from         timestamptz NOT NULL,
    occupied_to           timestamptz NOT NULL,
    time_zone             varchar        NOT NULL,
    occupied              tstzrange GENERATED ALWAYS AS (tstzrange(occupied_from, occupied_to, '[)')) STORED,
    status                varchar        NOT NULL
                          CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'EXPIRED', 'CANCELLED', 'COMPLETED', 'NO_SHOW')),
    service_title         varchar        NOT NULL,
    ikpu_code             varchar,
    package_code          varchar,
    vat_percent           integer     NOT NULL DEFAULT 0,
    price_tiyin           bigint      NOT NULL CHECK (price_tiyin >= 0),
    discount_tiyin        bigint      NOT NULL DEFAULT 0 CHECK (discount_tiyin >= 0),
    amount_tiyin          bigint      NOT NULL CHECK (amount_tiyin >= 0),
    currency              varchar        NOT NULL DEFAULT 'UZS',
    promo_code_id         uuid,
    prepayment_required   boolean     NOT NULL,
    hold_expires_at       timestamptz,
    hold_extended_until   timestamptz,
    paid                  boolean     NOT NULL DEFAULT false,
    paid_at               timestamptz,
    payment_id            uuid,
    payment_provider      varchar,
    rescheduled_from      uuid REFERENCES booking (id),
    cancel_reason         varchar,
    comment               varchar,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    deleted_at            timestamptz,
    CHECK (ends_at > starts_at),
    CHECK (occupied_from <= starts_at AND occupied_to >= ends_at),
    CHECK (amount_tiyin = price_tiyin - discount_tiyin),
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (master_id WITH =, occupied WITH &&)
        WHERE (status IN ('PENDING_PAYMENT', 'CONFIRMED'))
);
CREATE INDEX booking_client_idx ON booking (client_id, starts_at DESC);
CREATE INDEX booking_salon_idx ON booking (salon_id, starts_at);
CREATE INDEX booking_master_idx ON booking (master_id, starts_at);
CREATE INDEX booking_hold_idx ON booking (hold_expires_at) WHERE status = 'PENDING_PAYMENT';
CREATE UNIQUE INDEX booking_rescheduled_from_uq ON booking (rescheduled_from) WHERE rescheduled_from IS NOT NULL;

CREATE TABLE booking_status_history (
    id          bigserial PRIMARY KEY,
    booking_id  uuid        NOT NULL REFERENCES booking (id),
    from_status varchar,
    to_status   varchar        NOT NULL,
    actor       varchar        NOT NULL,
    actor_role  varchar        NOT NULL,
    reason      varchar,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX booking_status_history_booking_idx ON booking_status_history (booking_id, id);

CREATE TABLE payment_event (
    event_id       uuid PRIMARY KEY,
    booking_id     uuid        NOT NULL REFERENCES booking (id),
    type           varchar        NOT NULL CHECK (type IN ('PAID', 'PAYMENT_CANCELLED', 'REFUNDED')),
    payment_id     uuid        NOT NULL,
    provider       varchar        NOT NULL,
    amount_tiyin   bigint      NOT NULL CHECK (amount_tiyin >= 0),
    occurred_at    timestamptz NOT NULL,
    booking_status varchar        NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_event_booking_idx ON payment_event (booking_id);

CREATE TABLE refund_request (
    id           uuid PRIMARY KEY,
    booking_id   uuid        NOT NULL REFERENCES booking (id),
    amount_tiyin bigint      NOT NULL CHECK (amount_tiyin >= 0),
    percent      integer     NOT NULL CHECK (percent BETWEEN 0 AND 100),
    reason       varchar        NOT NULL,
    status       varchar        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'DONE', 'FAILED')),
    payment_id   uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (booking_id)
);
CREATE INDEX refund_request_status_idx ON refund_request (status, created_at);
