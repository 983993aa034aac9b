-- TABLE: flow_data
CREATE TABLE macro.flow_data (
    id bigint NOT NULL,
    series_id bigint NOT NULL,
    observation_date date NOT NULL,
    value numeric NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT flow_data_observation_date_plausible CHECK (((observation_date >= '1800-01-01'::date) AND (observation_date < '2100-01-01'::date))),
    CONSTRAINT flow_data_value_finite CHECK (((value > '-Infinity'::numeric) AND (value < 'Infinity'::numeric)))
);


ALTER TABLE macro.flow_data OWNER TO marketdb_owner;
-- COMMENT: TABLE flow_data
COMMENT ON TABLE macro.flow_data IS 'Flow series observations (hypertable, 1 year chunks, kept)';
-- SEQUENCE: flow_data_id_seq
ALTER TABLE macro.flow_data ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME macro.flow_data_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
-- CONSTRAINT: flow_data flow_data_pkey
ALTER TABLE ONLY macro.flow_data
    ADD CONSTRAINT flow_data_pkey PRIMARY KEY (id, observation_date);
-- CONSTRAINT: flow_data flow_data_series_date_key
ALTER TABLE ONLY macro.flow_data
    ADD CONSTRAINT flow_data_series_date_key UNIQUE (series_id, observation_date);
-- INDEX: flow_data_observation_date_idx
CREATE INDEX flow_data_observation_date_idx ON macro.flow_data USING btree (observation_date DESC);
-- TRIGGER: flow_data ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON macro.flow_data FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- FK CONSTRAINT: flow_data flow_data_series_id_fkey
ALTER TABLE ONLY macro.flow_data
    ADD CONSTRAINT flow_data_series_id_fkey FOREIGN KEY (series_id) REFERENCES macro.series_metadata(id);
-- ACL: TABLE flow_data
GRANT SELECT,INSERT,UPDATE ON TABLE macro.flow_data TO marketdb_writer;
GRANT SELECT ON TABLE macro.flow_data TO marketdb_reader;
-- ACL: SEQUENCE flow_data_id_seq
GRANT SELECT,USAGE ON SEQUENCE macro.flow_data_id_seq TO marketdb_writer;
