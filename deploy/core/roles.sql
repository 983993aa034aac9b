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
-- the attributes are set to the model, so a role that drifted (LOGIN, CREATEDB, ...) is
-- corrected rather than trusted.
--
-- The deployer need not be a superuser: on a managed service it is the admin role
-- (rds_superuser's members, tsdbadmin, azure_pg_admin, cloudsqlsuperuser), a login with
-- CREATEDB and CREATEROLE that owns the database. Such a role
-- - may not set or clear SUPERUSER, REPLICATION or BYPASSRLS (PostgreSQL refuses even
--   NOSUPERUSER), so it checks them and stops, naming the role, when one has drifted;
-- - administers only roles it created or was granted WITH ADMIN OPTION, so an existing
--   role it does not administer stops the deploy with the GRANT a superuser must run;
-- - is a member of the roles it creates only with ADMIN (PostgreSQL 16+: not SET, not
--   INHERIT), so it grants itself marketdb_owner WITH SET, INHERIT: SET for the scripts'
--   SET ROLE marketdb_owner and for objects made AUTHORIZATION marketdb_owner, INHERIT for
--   the owner's rights (GRANTs on the owner's schemas, reverts dropping its objects). It
--   needs no membership of the writer, reader or maintainer: granting to them needs none.
-- A superuser deployer does what it always did: all attributes set, no memberships.
-- This script was edited after v0.1.0 to allow the non-superuser deployer; for a
-- superuser, the only deployer v0.1.0 could have run under, its effect is unchanged.
DO $roles$
DECLARE
    role_name text;
    v_role pg_catalog.pg_roles%ROWTYPE;
    v_superuser boolean := (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user);
    v_drifted text[] := '{}';
    v_unadministered text[] := '{}';
BEGIN
    IF NOT v_superuser THEN
        FOREACH role_name IN ARRAY ARRAY['marketdb_owner', 'marketdb_writer', 'marketdb_reader', 'marketdb_maintainer']
        LOOP
            SELECT * INTO v_role FROM pg_catalog.pg_roles WHERE rolname = role_name;
            CONTINUE WHEN NOT FOUND;
            IF v_role.rolsuper OR v_role.rolreplication OR v_role.rolbypassrls THEN
                v_drifted := v_drifted || format('ALTER ROLE %I%s%s%s;', role_name,
                    CASE WHEN v_role.rolsuper THEN ' NOSUPERUSER' END, CASE WHEN v_role.rolreplication THEN ' NOREPLICATION' END,
                    CASE WHEN v_role.rolbypassrls THEN ' NOBYPASSRLS' END);
            ELSIF NOT pg_catalog.pg_has_role(current_user, v_role.oid, 'MEMBER WITH ADMIN OPTION') THEN
                v_unadministered := v_unadministered || format('GRANT %I TO %I WITH ADMIN OPTION;', role_name, current_user);
            END IF;
        END LOOP;
        IF cardinality(v_drifted) > 0 THEN
            RAISE EXCEPTION 'core/roles: a role has an attribute only a superuser can remove: %', array_to_string(v_drifted, ' ')
                  USING ERRCODE = 'insufficient_privilege',
                        HINT = 'Have a superuser (or your service''s support) run exactly that, then deploy again.';
        END IF;
        IF cardinality(v_unadministered) > 0 THEN
            RAISE EXCEPTION 'core/roles: role(s) made by another deployer exist in this cluster and % does not administer them', current_user
                  USING ERRCODE = 'insufficient_privilege',
                        HINT = format('Have a superuser or their administrator run: %s Then deploy again.', array_to_string(v_unadministered, ' '));
        END IF;
    END IF;

    FOREACH role_name IN ARRAY ARRAY['marketdb_owner', 'marketdb_writer', 'marketdb_reader', 'marketdb_maintainer']
    LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
        ELSE
            RAISE NOTICE 'role % already exists in this cluster: adopted', role_name;
        END IF;
        IF v_superuser THEN
            EXECUTE format(
                'ALTER ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT',
                role_name
            );
        ELSE
            EXECUTE format('ALTER ROLE %I NOLOGIN NOCREATEDB NOCREATEROLE INHERIT', role_name);
        END IF;
    END LOOP;

    -- PostgreSQL 15 and older have no SET or INHERIT option: a plain membership gives both.
    IF NOT v_superuser THEN
        IF current_setting('server_version_num')::integer >= 160000 THEN
            IF NOT (pg_catalog.pg_has_role(current_user, 'marketdb_owner', 'SET')
                    AND pg_catalog.pg_has_role(current_user, 'marketdb_owner', 'USAGE')) THEN
                EXECUTE format('GRANT marketdb_owner TO %I WITH SET TRUE, INHERIT TRUE', current_user);
            END IF;
        ELSIF NOT pg_catalog.pg_has_role(current_user, 'marketdb_owner', 'MEMBER') THEN
            EXECUTE format('GRANT marketdb_owner TO %I', current_user);
        END IF;
    END IF;

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
