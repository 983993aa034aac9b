-- Deploy marketdb:core/roles to pg

BEGIN;

-- Fail fast instead of queueing behind live traffic while blocking it.
SET LOCAL lock_timeout = '5s';

-- The role model every later change grants to. All four are NOLOGIN group roles (the
-- owner excepted on the timescale edition, below): people and services log in as their
-- own roles and are granted one of these.
--   marketdb_owner       owns every object; deploys run SET ROLE marketdb_owner
--   marketdb_writer      ingestion: SELECT, INSERT, UPDATE on data tables
--   marketdb_reader      read-only: SELECT on data tables, the run log and registry
--   marketdb_maintainer  may execute the maintenance functions and nothing else
--
-- Roles are cluster-wide: another database on this server may have deployed marketdb
-- already. So a missing role is created and an existing one is adopted, and in both cases
-- the attributes are set to the model, so a role that drifted (LOGIN, SUPERUSER, ...)
-- is corrected rather than trusted.
DO $roles$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['marketdb_owner', 'marketdb_writer', 'marketdb_reader', 'marketdb_maintainer']
    LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
        ELSE
            RAISE NOTICE 'role % already exists in this cluster: adopted', role_name;
        END IF;
        EXECUTE format(
            'ALTER ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT',
            role_name
        );
    END LOOP;

    -- TimescaleDB's full edition runs its policies (compression, aggregate refresh) as
    -- background workers logged in as the hypertable's owner, and refuses to create them
    -- for an owner without LOGIN. On that edition only, the owner gets LOGIN with no
    -- password, so no password login can succeed and pg_hba decides about the rest.
    IF current_setting('timescaledb.license', true) = 'timescale' THEN
        ALTER ROLE marketdb_owner LOGIN PASSWORD NULL;
    END IF;
END
$roles$;

COMMIT;
