-- TABLE: macro_series
CREATE TABLE macro.macro_series (
    id bigint NOT NULL,
    series_id bigint NOT NULL,
    observation_date date NOT NULL,
    value numeric NOT NULL,
    release_time timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT macro_series_observation_date_plausible CHECK (((observation_date >= '1800-01-01'::date) AND (observation_date < '2100-01-01'::date))),
    CONSTRAINT macro_series_release_time_plausible CHECK (((release_time >= '1800-01-01 00:00:00+00'::timestamp with time zone) AND (release_time < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT macro_series_released_after_observation CHECK ((release_time >= ((observation_date)::timestamp without time zone AT TIME ZONE 'UTC'::text))),
    CONSTRAINT macro_series_value_finite CHECK (((value > '-Infinity'::numeric) AND (value < 'Infinity'::numeric)))
);


ALTER TABLE macro.macro_series OWNER TO marketdb_owner;
-- COMMENT: TABLE macro_series
COMMENT ON TABLE macro.macro_series IS 'Macro observations, one row per release (revisions included): point-in-time reads';
-- SEQUENCE: macro_series_id_seq
ALTER TABLE macro.macro_series ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME macro.macro_series_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
-- CONSTRAINT: macro_series macro_series_pkey
ALTER TABLE ONLY macro.macro_series
    ADD CONSTRAINT macro_series_pkey PRIMARY KEY (id, observation_date);
-- CONSTRAINT: macro_series macro_series_release_key
ALTER TABLE ONLY macro.macro_series
    ADD CONSTRAINT macro_series_release_key UNIQUE (series_id, observation_date, release_time);
-- INDEX: macro_series_observation_date_idx
CREATE INDEX macro_series_observation_date_idx ON macro.macro_series USING btree (observation_date DESC);
-- TRIGGER: macro_series ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON macro.macro_series FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- FK CONSTRAINT: macro_series macro_series_series_id_fkey
ALTER TABLE ONLY macro.macro_series
    ADD CONSTRAINT macro_series_series_id_fkey FOREIGN KEY (series_id) REFERENCES macro.series_metadata(id);
-- ACL: TABLE macro_series
GRANT SELECT,INSERT,UPDATE ON TABLE macro.macro_series TO marketdb_writer;
GRANT SELECT ON TABLE macro.macro_series TO marketdb_reader;
-- ACL: SEQUENCE macro_series_id_seq
GRANT SELECT,USAGE ON SEQUENCE macro.macro_series_id_seq TO marketdb_writer;
