-- TYPE: action
CREATE TYPE maintenance.action AS (
	parent_table text,
	action text,
	partition_name text,
	rows_moved bigint,
	detail text
);


ALTER TYPE maintenance.action OWNER TO marketdb_owner;
-- COMMENT: TYPE action
COMMENT ON TYPE maintenance.action IS 'action is one of create, rescue, drop, detach, noop, skip, lock_timeout, error';
