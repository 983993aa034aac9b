-- Revert marketdb:core/roles from pg

BEGIN;

-- Roles are shared by every database of the cluster, so this revert drops a role only when
-- nothing holds on to it: no object, privilege or default privilege in any database
-- (pg_shdepend covers them all, this one included) and no member role (a login that was
-- granted it). Otherwise the role stays, a NOTICE says where it is still used, and the
-- revert succeeds; the next deploy anywhere adopts it.
DO $roles$
DECLARE
    role_name text;
    role_oid oid;
    used_in text;
    members text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['marketdb_maintainer', 'marketdb_reader', 'marketdb_writer', 'marketdb_owner']
    LOOP
        SELECT oid INTO role_oid FROM pg_catalog.pg_roles WHERE rolname = role_name;
        CONTINUE WHEN role_oid IS NULL;

        SELECT string_agg(DISTINCT coalesce(d.datname, '(cluster-wide object)'), ', ')
          INTO used_in
          FROM pg_catalog.pg_shdepend AS s
          LEFT JOIN pg_catalog.pg_database AS d ON d.oid = s.dbid
         WHERE s.refclassid = 'pg_catalog.pg_authid'::regclass
           AND s.refobjid = role_oid;

        SELECT string_agg(m.rolname, ', ')
          INTO members
          FROM pg_catalog.pg_auth_members AS am
          JOIN pg_catalog.pg_roles AS m ON m.oid = am.member
         WHERE am.roleid = role_oid;

        IF used_in IS NOT NULL THEN
            RAISE NOTICE 'role % kept: still used in database %', role_name, used_in;
        ELSIF members IS NOT NULL THEN
            RAISE NOTICE 'role % kept: granted to %', role_name, members;
        ELSE
            EXECUTE format('DROP ROLE %I', role_name);
        END IF;
    END LOOP;
END
$roles$;

COMMIT;
