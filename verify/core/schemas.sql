-- Verify marketdb:core/schemas on pg

BEGIN;

-- Each check raises division_by_zero when its rule does not hold.

-- The six domain schemas exist and belong to the owner role.
SELECT 1 / (count(*) = 6)::integer
  FROM pg_catalog.pg_namespace
 WHERE nspname IN ('exchange', 'onchain', 'crypto', 'macro', 'equities', 'maintenance')
   AND nspowner = 'marketdb_owner'::regrole;

-- PUBLIC (grantee 0) holds no privilege on them.
SELECT 1 / (count(*) = 0)::integer
  FROM pg_catalog.pg_namespace AS n
 CROSS JOIN LATERAL aclexplode(n.nspacl) AS acl
 WHERE n.nspname IN ('exchange', 'onchain', 'crypto', 'macro', 'equities', 'maintenance')
   AND acl.grantee = 0;

SELECT 1 / has_schema_privilege('marketdb_reader', 'exchange', 'USAGE')::integer;
SELECT 1 / has_schema_privilege('marketdb_maintainer', 'maintenance', 'USAGE')::integer;

-- Default privileges for tables in the five data schemas and in maintenance, and the
-- database-wide revoke of EXECUTE from PUBLIC.
SELECT 1 / (count(*) = 6)::integer
  FROM pg_catalog.pg_default_acl
 WHERE defaclrole = 'marketdb_owner'::regrole
   AND defaclobjtype = 'r';

SELECT 1 / count(*)
  FROM pg_catalog.pg_default_acl
 WHERE defaclrole = 'marketdb_owner'::regrole
   AND defaclobjtype = 'f'
   AND defaclnamespace = 0;

ROLLBACK;
