-- Deploy marketdb:macro/data_sources to pg
-- requires: core/schemas

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Where series come from, and how connectors may call them. Credentials are never stored
-- here: auth_type only says which kind the connector must bring.
CREATE TABLE macro.data_sources (
    source_id             bigint      GENERATED ALWAYS AS IDENTITY,
    name                  text        NOT NULL,
    base_url              text,
    auth_type             text        NOT NULL DEFAULT 'none',
    rate_limit_per_minute integer,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT data_sources_pkey PRIMARY KEY (source_id),
    CONSTRAINT data_sources_name_key UNIQUE (name),
    CONSTRAINT data_sources_base_url_http CHECK (base_url ~ '^https?://'),
    CONSTRAINT data_sources_auth_type_known CHECK (auth_type IN ('none', 'api_key', 'oauth2', 'basic')),
    CONSTRAINT data_sources_rate_limit_positive CHECK (rate_limit_per_minute > 0)
);

COMMENT ON TABLE macro.data_sources IS 'Data vendors and public sources of macro series';

COMMIT;
