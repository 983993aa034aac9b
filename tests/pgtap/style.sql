-- House rules of the schema, checked on the catalog of the deployed plan. A change that
-- breaks one fails here with the object's name. marketdb's schemas: the five domains and
-- maintenance; partitions, chunks and extension objects follow their parents' rules.
BEGIN;
SELECT plan(11);

CREATE TEMP VIEW own_schema (nspname) AS
    VALUES ('exchange'), ('onchain'), ('crypto'), ('macro'), ('equities'), ('maintenance');
CREATE TEMP VIEW own_relation AS
    SELECT c.oid, c.relname, c.relkind, n.nspname
      FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
     WHERE n.nspname IN (SELECT nspname FROM own_schema)
       AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
       AND NOT EXISTS (SELECT FROM pg_depend AS d WHERE d.objid = c.oid AND d.deptype = 'e');
-- Tables that hold the domains' data (maintenance's bookkeeping is not market data).
CREATE TEMP VIEW data_table AS
    SELECT * FROM own_relation WHERE relkind IN ('r', 'p') AND nspname <> 'maintenance';
CREATE TEMP VIEW own_routine AS
    SELECT p.oid, p.prokind, p.prosecdef, p.proconfig
      FROM pg_proc AS p JOIN pg_namespace AS n ON n.oid = p.pronamespace
     WHERE n.nspname IN (SELECT nspname FROM own_schema)
       AND NOT EXISTS (SELECT FROM pg_depend AS d WHERE d.objid = p.oid AND d.deptype = 'e');

-- Would the value be refused by the column's type or by a CHECK on that column alone?
-- (A CHECK over several columns depends on the others; it is not counted.)
CREATE FUNCTION pg_temp.refused(p_table regclass, p_column name, p_value text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    v_type text;
    v_expr text;
    v_ok boolean;
BEGIN
    SELECT format_type(a.atttypid, a.atttypmod) INTO v_type
      FROM pg_attribute AS a WHERE a.attrelid = p_table AND a.attname = p_column;
    BEGIN
        EXECUTE format('SELECT $1::%s', v_type) USING p_value;
    EXCEPTION WHEN data_exception THEN
        RETURN true;  -- the type refuses it (e.g. an infinity in numeric(5,2))
    END;
    FOR v_expr IN
        SELECT pg_get_expr(c.conbin, c.conrelid)
          FROM pg_constraint AS c JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attname = p_column
         WHERE c.conrelid = p_table AND c.contype = 'c' AND c.conkey = ARRAY[a.attnum]
    LOOP
        EXECUTE format('SELECT %s FROM (SELECT $1::%s AS %I) AS v', v_expr, v_type, p_column) INTO v_ok USING p_value;
        IF v_ok IS FALSE THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END
$$;

-- Every breach of a house rule, as (rule, object).
CREATE TEMP VIEW breach (rule, object) AS
    SELECT 'comment', object FROM (SELECT CASE relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view ' ELSE 'table ' END || oid::regclass
            FROM own_relation WHERE obj_description(oid, 'pg_class') IS NULL
          UNION ALL
          SELECT 'routine ' || oid::regprocedure FROM own_routine WHERE obj_description(oid, 'pg_proc') IS NULL) AS b (object)
    UNION ALL
    -- A foreign key without an index leading with its columns makes every delete of a
    -- referenced row scan the referencing table (macro.signals had two).
    SELECT 'foreign key index', object FROM (SELECT c.conrelid::regclass::text || ' ' || c.conname
            FROM pg_constraint AS c
           WHERE c.contype = 'f' AND c.conrelid IN (SELECT oid FROM own_relation)
             AND NOT EXISTS (SELECT FROM pg_index AS i
                              WHERE i.indrelid = c.conrelid AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] = c.conkey)) AS b (object)
    UNION ALL
    -- Two indexes on the same columns in the same order (directions aside) double the cost of
    -- every write for nothing: a B-tree is read backwards as fast as forwards.
    SELECT 'duplicate index', object FROM (SELECT a.indexrelid::regclass || ' = ' || b.indexrelid::regclass
            FROM pg_index AS a JOIN pg_index AS b ON a.indrelid = b.indrelid AND a.indexrelid < b.indexrelid
           WHERE a.indrelid IN (SELECT oid FROM own_relation)
             AND a.indkey::int2[] = b.indkey::int2[]
             AND pg_get_expr(a.indexprs, a.indrelid) IS NOT DISTINCT FROM pg_get_expr(b.indexprs, b.indrelid)
             AND pg_get_expr(a.indpred, a.indrelid) IS NOT DISTINCT FROM pg_get_expr(b.indpred, b.indrelid)) AS b (object)
    UNION ALL
    -- A routine whose name resolution follows the caller's search_path can be steered by
    -- whoever controls a schema on it. PostgreSQL forbids SET on a procedure that commits
    -- (maintenance.run_all): such a procedure runs with its caller's rights and names every
    -- object with its schema.
    SELECT 'search_path', object FROM (SELECT oid::regprocedure::text FROM own_routine
           WHERE NOT EXISTS (SELECT FROM unnest(proconfig) AS s WHERE s LIKE 'search\_path=%')
             AND NOT (prokind = 'p' AND NOT prosecdef)) AS b (object)
    UNION ALL
    SELECT 'PUBLIC execute', object FROM (SELECT oid::regprocedure::text FROM own_routine WHERE has_function_privilege('public', oid, 'EXECUTE')) AS b (object)
    UNION ALL
    -- NaN sorts above every number and equals itself, so '> 0' and ordering rules let it pass.
    -- exchange.trades.no_price is tied to yes_price by trades_prices_sum_to_100 (NaN never sums
    -- to 100, an infinity does not fit numeric(5,2)).
    SELECT 'finite number', object FROM (SELECT r.oid::regclass || '.' || a.attname || ' accepts ' || v.value
            FROM data_table AS r
            JOIN pg_attribute AS a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
            CROSS JOIN (VALUES ('NaN'), ('Infinity'), ('-Infinity')) AS v (value)
           WHERE a.atttypid IN ('numeric'::regtype, 'float8'::regtype, 'float4'::regtype)
             AND (r.oid::regclass::text, a.attname::text) <> ('exchange.trades', 'no_price')
             AND NOT pg_temp.refused(r.oid, a.attname, v.value)) AS b (object)
    UNION ALL
    -- Key columns: text in a primary key or unique constraint (a foreign key's column is as
    -- good as the key it references).
    SELECT 'blank key', object FROM (SELECT DISTINCT r.oid::regclass || '.' || a.attname || ' accepts ' || quote_literal(v.value)
            FROM data_table AS r
            JOIN pg_constraint AS c ON c.conrelid = r.oid AND c.contype IN ('p', 'u')
            JOIN pg_attribute AS a ON a.attrelid = r.oid AND a.attnum = ANY (c.conkey)
            CROSS JOIN (VALUES (''), ('   ')) AS v (value)
           WHERE a.atttypid = 'text'::regtype
             AND NOT EXISTS (SELECT FROM pg_constraint AS f WHERE f.conrelid = r.oid AND f.contype = 'f' AND f.conkey = ARRAY[a.attnum])
             AND NOT pg_temp.refused(r.oid, a.attname, v.value)) AS b (object)
    UNION ALL
    SELECT 'text length', object FROM (SELECT r.oid::regclass || '.' || a.attname
            FROM data_table AS r
            JOIN pg_attribute AS a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
           WHERE a.atttypid = 'text'::regtype
             AND NOT EXISTS (SELECT FROM pg_constraint AS f WHERE f.conrelid = r.oid AND f.contype = 'f' AND f.conkey = ARRAY[a.attnum])
             AND NOT pg_temp.refused(r.oid, a.attname, repeat('x', 100000))) AS b (object)
    UNION ALL
    -- The timestamps and dates a writer sets must be finite; created_at and updated_at are
    -- the server's (defaults and triggers).
    SELECT 'finite time', object FROM (SELECT r.oid::regclass || '.' || a.attname || ' accepts ' || v.value
            FROM data_table AS r
            JOIN pg_attribute AS a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
            CROSS JOIN (VALUES ('infinity'), ('-infinity')) AS v (value)
           WHERE a.atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype, 'date'::regtype)
             AND a.attname NOT IN ('created_at', 'updated_at')
             AND NOT pg_temp.refused(r.oid, a.attname, v.value)) AS b (object)
    UNION ALL
    -- A partition (or a chunk) is a table a role can write directly: it carries exactly its
    -- parent's privileges, column rules included, or it is a way past them; an archive of a
    -- registered table carries them without INSERT, UPDATE, DELETE and TRUNCATE.
    SELECT 'partition privileges', object FROM (SELECT i.inhrelid::regclass::text
            FROM pg_inherits AS i
            JOIN pg_class AS p ON p.oid = i.inhparent AND p.relkind IN ('p', 'r')
           WHERE p.relnamespace IN (SELECT oid FROM pg_namespace WHERE nspname IN (SELECT nspname FROM own_schema))
             AND EXISTS ((SELECT * FROM maintenance.privileges_of(i.inhrelid) EXCEPT SELECT * FROM maintenance.privileges_of(i.inhparent))
                         UNION ALL
                         (SELECT * FROM maintenance.privileges_of(i.inhparent) EXCEPT SELECT * FROM maintenance.privileges_of(i.inhrelid)))
          UNION ALL
          SELECT a.archive::text
            FROM maintenance.policy AS pol
           CROSS JOIN LATERAL maintenance.archives_of(pol.parent_table::regclass) AS a (archive)
           WHERE pol.kind = 'partitioned'
             AND EXISTS ((SELECT * FROM maintenance.privileges_of(a.archive)
                          EXCEPT SELECT * FROM maintenance.privileges_of(pol.parent_table::regclass)
                                  WHERE privilege_type NOT IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'))
                         UNION ALL
                         (SELECT * FROM maintenance.privileges_of(pol.parent_table::regclass)
                           WHERE privilege_type NOT IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
                          EXCEPT SELECT * FROM maintenance.privileges_of(a.archive)))) AS b (object);

-- Each rule holds on the deployed schema.
SELECT is_empty($$SELECT object FROM breach WHERE rule = 'comment'$$, 'every table, view and routine has a comment');
SELECT is_empty($$SELECT object FROM breach WHERE rule = 'foreign key index'$$, 'every foreign key has an index leading with its columns');
SELECT is_empty($$SELECT object FROM breach WHERE rule = 'duplicate index'$$, 'no two indexes of a table cover the same columns');
SELECT is_empty($$SELECT object FROM breach WHERE rule = 'search_path'$$, 'every function pins its search_path');
SELECT is_empty($$SELECT object FROM breach WHERE rule = 'PUBLIC execute'$$, 'nothing is executable by PUBLIC');
SELECT is_empty($$SELECT object FROM breach WHERE rule = 'finite number'$$, 'every numeric column of a data table rejects NaN and the infinities');
SELECT is_empty($$SELECT object FROM breach WHERE rule = 'blank key'$$, 'every text key column rejects blanks');
SELECT is_empty($$SELECT object FROM breach WHERE rule = 'text length'$$, 'every text column has a length limit (a foreign key''s column has its parent''s)');
SELECT is_empty($$SELECT object FROM breach WHERE rule = 'finite time'$$, 'every time a writer sets is finite');
SELECT is_empty($$SELECT object FROM breach WHERE rule = 'partition privileges'$$,
    'every partition has exactly its parent''s privileges, column level included (archives without writes)');

-- Each rule can fail: a table and a function made against all of them are reported by
-- every rule, with their names.
CREATE TABLE exchange.style_canary (
    code text PRIMARY KEY,
    series_ticker text REFERENCES exchange.series,
    amount numeric CHECK (amount > 0),
    seen_at timestamptz
);
CREATE INDEX style_canary_amount_idx ON exchange.style_canary (amount);
CREATE INDEX style_canary_amount_desc_idx ON exchange.style_canary (amount DESC);
CREATE FUNCTION exchange.style_canary_fn() RETURNS int LANGUAGE sql AS 'SELECT 1';
GRANT EXECUTE ON FUNCTION exchange.style_canary_fn() TO PUBLIC;
CREATE TABLE exchange.style_canary_parts (seen_at timestamptz, amount numeric) PARTITION BY RANGE (seen_at);
CREATE TABLE exchange.style_canary_parts_default PARTITION OF exchange.style_canary_parts DEFAULT;
GRANT UPDATE (amount) ON exchange.style_canary_parts TO marketdb_writer;
SELECT set_eq(
    $$SELECT rule FROM breach WHERE object LIKE '%style\_canary%'$$,
    ARRAY['comment', 'foreign key index', 'duplicate index', 'search_path', 'PUBLIC execute', 'finite number', 'blank key', 'text length', 'finite time',
          'partition privileges'],
    'every rule reports a table and a function that break it');

SELECT * FROM finish();
ROLLBACK;
