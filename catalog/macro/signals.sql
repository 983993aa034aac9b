-- TABLE: signals
CREATE TABLE macro.signals (
    id bigint NOT NULL,
    signal_name text NOT NULL,
    signal_date date NOT NULL,
    instrument_id bigint,
    series_id bigint,
    value numeric NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT signals_name_not_blank CHECK ((btrim(signal_name) <> ''::text)),
    CONSTRAINT signals_signal_date_plausible CHECK (((signal_date >= '1800-01-01'::date) AND (signal_date < '2100-01-01'::date))),
    CONSTRAINT signals_signal_name_length CHECK ((length(signal_name) <= 128)),
    CONSTRAINT signals_value_finite CHECK (((value > '-Infinity'::numeric) AND (value < 'Infinity'::numeric)))
);


ALTER TABLE macro.signals OWNER TO marketdb_owner;
-- COMMENT: TABLE signals
COMMENT ON TABLE macro.signals IS 'Signals per date, optionally about an instrument and/or a series (hypertable, 1 year chunks, kept)';
-- SEQUENCE: signals_id_seq
ALTER TABLE macro.signals ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME macro.signals_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
-- CONSTRAINT: signals signals_natural_key
ALTER TABLE ONLY macro.signals
    ADD CONSTRAINT signals_natural_key UNIQUE NULLS NOT DISTINCT (signal_name, signal_date, instrument_id, series_id);
-- CONSTRAINT: signals signals_pkey
ALTER TABLE ONLY macro.signals
    ADD CONSTRAINT signals_pkey PRIMARY KEY (id, signal_date);
-- INDEX: signals_instrument_id_idx
CREATE INDEX signals_instrument_id_idx ON macro.signals USING btree (instrument_id, signal_date DESC) WHERE (instrument_id IS NOT NULL);
-- INDEX: signals_series_id_idx
CREATE INDEX signals_series_id_idx ON macro.signals USING btree (series_id, signal_date DESC) WHERE (series_id IS NOT NULL);
-- INDEX: signals_signal_date_idx
CREATE INDEX signals_signal_date_idx ON macro.signals USING btree (signal_date DESC);
-- TRIGGER: signals ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON macro.signals FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- FK CONSTRAINT: signals signals_instrument_id_fkey
ALTER TABLE ONLY macro.signals
    ADD CONSTRAINT signals_instrument_id_fkey FOREIGN KEY (instrument_id) REFERENCES macro.instruments(id);
-- FK CONSTRAINT: signals signals_series_id_fkey
ALTER TABLE ONLY macro.signals
    ADD CONSTRAINT signals_series_id_fkey FOREIGN KEY (series_id) REFERENCES macro.series_metadata(id);
-- ACL: TABLE signals
GRANT SELECT,INSERT,UPDATE ON TABLE macro.signals TO marketdb_writer;
GRANT SELECT ON TABLE macro.signals TO marketdb_reader;
-- ACL: SEQUENCE signals_id_seq
GRANT SELECT,USAGE ON SEQUENCE macro.signals_id_seq TO marketdb_writer;
