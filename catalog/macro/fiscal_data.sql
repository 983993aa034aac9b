-- TABLE: fiscal_data
CREATE TABLE macro.fiscal_data (
    id bigint NOT NULL,
    series_id bigint NOT NULL,
    observation_date date NOT NULL,
    value numeric NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT fiscal_data_observation_date_plausible CHECK (((observation_date >= '1800-01-01'::date) AND (observation_date < '2100-01-01'::date))),
    CONSTRAINT fiscal_data_value_finite CHECK (((value > '-Infinity'::numeric) AND (value < 'Infinity'::numeric)))
);


ALTER TABLE macro.fiscal_data OWNER TO marketdb_owner;
-- COMMENT: TABLE fiscal_data
COMMENT ON TABLE macro.fiscal_data IS 'Fiscal series observations (hypertable, 1 year chunks, kept)';
-- SEQUENCE: fiscal_data_id_seq
ALTER TABLE macro.fiscal_data ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME macro.fiscal_data_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
-- CONSTRAINT: fiscal_data fiscal_data_pkey
ALTER TABLE ONLY macro.fiscal_data
    ADD CONSTRAINT fiscal_data_pkey PRIMARY KEY (id, observation_date);
-- CONSTRAINT: fiscal_data fiscal_data_series_date_key
ALTER TABLE ONLY macro.fiscal_data
    ADD CONSTRAINT fiscal_data_series_date_key UNIQUE (series_id, observation_date);
-- INDEX: fiscal_data_observation_date_idx
CREATE INDEX fiscal_data_observation_date_idx ON macro.fiscal_data USING btree (observation_date DESC);
-- TRIGGER: fiscal_data ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON macro.fiscal_data FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- FK CONSTRAINT: fiscal_data fiscal_data_series_id_fkey
ALTER TABLE ONLY macro.fiscal_data
    ADD CONSTRAINT fiscal_data_series_id_fkey FOREIGN KEY (series_id) REFERENCES macro.series_metadata(id);
-- ACL: TABLE fiscal_data
GRANT SELECT,INSERT,UPDATE ON TABLE macro.fiscal_data TO marketdb_writer;
GRANT SELECT ON TABLE macro.fiscal_data TO marketdb_reader;
-- ACL: SEQUENCE fiscal_data_id_seq
GRANT SELECT,USAGE ON SEQUENCE macro.fiscal_data_id_seq TO marketdb_writer;
