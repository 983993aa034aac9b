-- TYPE: plan_step
CREATE TYPE maintenance.plan_step AS (
	action text,
	day date,
	partition_name text,
	rows_affected bigint,
	detail text
);


ALTER TYPE maintenance.plan_step OWNER TO marketdb_owner;
-- COMMENT: TYPE plan_step
COMMENT ON TYPE maintenance.plan_step IS 'One planned step: create, rescue, drop, detach, discard, archive, out_of_window or deferred';
