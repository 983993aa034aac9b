-- TABLE: market_data
CREATE TABLE macro.market_data (
    id bigint NOT NULL,
    instrument_id bigint NOT NULL,
    "timestamp" timestamp with time zone NOT NULL,
    open numeric,
    high numeric,
    low numeric,
    close numeric NOT NULL,
    volume numeric,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT market_data_close_finite CHECK (((close > '-Infinity'::numeric) AND (close < 'Infinity'::numeric))),
    CONSTRAINT market_data_high_finite CHECK (((high > '-Infinity'::numeric) AND (high < 'Infinity'::numeric))),
    CONSTRAINT market_data_high_not_below_open_close CHECK ((high >= GREATEST(open, close))),
    CONSTRAINT market_data_low_finite CHECK (((low > '-Infinity'::numeric) AND (low < 'Infinity'::numeric))),
    CONSTRAINT market_data_low_not_above_open_close CHECK ((low <= LEAST(open, close))),
    CONSTRAINT market_data_open_finite CHECK (((open > '-Infinity'::numeric) AND (open < 'Infinity'::numeric))),
    CONSTRAINT market_data_timestamp_plausible CHECK ((("timestamp" >= '1800-01-01 00:00:00+00'::timestamp with time zone) AND ("timestamp" < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT market_data_volume_finite CHECK (((volume > '-Infinity'::numeric) AND (volume < 'Infinity'::numeric))),
    CONSTRAINT market_data_volume_not_negative CHECK ((volume >= (0)::numeric))
);


ALTER TABLE macro.market_data OWNER TO marketdb_owner;
-- COMMENT: TABLE market_data
COMMENT ON TABLE macro.market_data IS 'Daily OHLCV bars of macro instruments (hypertable, 90 day chunks, kept)';
-- SEQUENCE: market_data_id_seq
ALTER TABLE macro.market_data ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME macro.market_data_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
-- CONSTRAINT: market_data market_data_instrument_timestamp_key
ALTER TABLE ONLY macro.market_data
    ADD CONSTRAINT market_data_instrument_timestamp_key UNIQUE (instrument_id, "timestamp");
-- CONSTRAINT: market_data market_data_pkey
ALTER TABLE ONLY macro.market_data
    ADD CONSTRAINT market_data_pkey PRIMARY KEY (id, "timestamp");
-- INDEX: market_data_timestamp_idx
CREATE INDEX market_data_timestamp_idx ON macro.market_data USING btree ("timestamp" DESC);
-- TRIGGER: market_data ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON macro.market_data FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- FK CONSTRAINT: market_data market_data_instrument_id_fkey
ALTER TABLE ONLY macro.market_data
    ADD CONSTRAINT market_data_instrument_id_fkey FOREIGN KEY (instrument_id) REFERENCES macro.instruments(id);
-- ACL: TABLE market_data
GRANT SELECT,INSERT,UPDATE ON TABLE macro.market_data TO marketdb_writer;
GRANT SELECT ON TABLE macro.market_data TO marketdb_reader;
-- ACL: SEQUENCE market_data_id_seq
GRANT SELECT,USAGE ON SEQUENCE macro.market_data_id_seq TO marketdb_writer;
