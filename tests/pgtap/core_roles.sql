-- core/roles: four NOLOGIN group roles with no elevated attributes.
BEGIN;
SELECT plan(11);

SELECT has_role('marketdb_owner', 'the owner role exists');
SELECT has_role('marketdb_writer', 'the writer role exists');
SELECT has_role('marketdb_reader', 'the reader role exists');
SELECT has_role('marketdb_maintainer', 'the maintainer role exists');

SELECT is_empty(
    $$SELECT rolname FROM pg_catalog.pg_roles
       WHERE rolname IN ('marketdb_writer', 'marketdb_reader', 'marketdb_maintainer')
         AND rolcanlogin$$,
    'writer, reader and maintainer cannot log in: logins are granted membership instead'
);
SELECT is(
    (SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = 'marketdb_owner'),
    current_setting('timescaledb.license') = 'timescale',
    format('edition %s: the owner can log in only on the timescale edition, where TimescaleDB runs its policies as the owner',
           current_setting('timescaledb.license'))
);
SELECT is(
    (SELECT rolpassword FROM pg_catalog.pg_authid WHERE rolname = 'marketdb_owner'), NULL,
    'the owner has no password, so no password login as the owner can succeed'
);
SELECT is_empty(
    $$SELECT rolname FROM pg_catalog.pg_roles
       WHERE rolname IN ('marketdb_owner', 'marketdb_writer', 'marketdb_reader', 'marketdb_maintainer')
         AND (rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls)$$,
    'no marketdb role has superuser, createdb, createrole, replication or bypassrls'
);
SELECT is_empty(
    $$SELECT r.rolname FROM pg_catalog.pg_auth_members am
        JOIN pg_catalog.pg_roles r ON r.oid = am.member
        JOIN pg_catalog.pg_roles g ON g.oid = am.roleid
       WHERE r.rolname IN ('marketdb_writer', 'marketdb_reader', 'marketdb_maintainer')
         AND g.rolname = 'marketdb_owner'$$,
    'writer, reader and maintainer are not members of the owner'
);
SELECT ok(
    NOT pg_has_role('marketdb_reader', 'marketdb_writer', 'MEMBER'),
    'the reader does not inherit the writer''s privileges'
);
SELECT ok(
    NOT pg_has_role('marketdb_maintainer', 'marketdb_reader', 'MEMBER'),
    'the maintainer does not inherit the reader''s privileges'
);

SELECT * FROM finish();
ROLLBACK;
