-- TABLE: vol_surfaces
CREATE TABLE macro.vol_surfaces (
    id bigint NOT NULL,
    instrument_id bigint NOT NULL,
    surface_date date NOT NULL,
    tenor text NOT NULL,
    strike numeric,
    delta numeric,
    implied_vol numeric NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT vol_surfaces_delta_range CHECK (((delta >= ('-1'::integer)::numeric) AND (delta <= (1)::numeric))),
    CONSTRAINT vol_surfaces_implied_vol_finite CHECK (((implied_vol > '-Infinity'::numeric) AND (implied_vol < 'Infinity'::numeric))),
    CONSTRAINT vol_surfaces_implied_vol_positive CHECK ((implied_vol > (0)::numeric)),
    CONSTRAINT vol_surfaces_strike_finite CHECK (((strike > '-Infinity'::numeric) AND (strike < 'Infinity'::numeric))),
    CONSTRAINT vol_surfaces_strike_or_delta CHECK ((num_nonnulls(strike, delta) = 1)),
    CONSTRAINT vol_surfaces_strike_positive CHECK ((strike > (0)::numeric)),
    CONSTRAINT vol_surfaces_surface_date_plausible CHECK (((surface_date >= '1800-01-01'::date) AND (surface_date < '2100-01-01'::date))),
    CONSTRAINT vol_surfaces_tenor_format CHECK ((tenor ~ '^[1-9][0-9]*[DWMY]$'::text)),
    CONSTRAINT vol_surfaces_tenor_length CHECK ((length(tenor) <= 8))
);


ALTER TABLE macro.vol_surfaces OWNER TO marketdb_owner;
-- COMMENT: TABLE vol_surfaces
COMMENT ON TABLE macro.vol_surfaces IS 'Implied volatility surfaces (hypertable, 30 day chunks, kept, compressed after 90 days)';
-- SEQUENCE: vol_surfaces_id_seq
ALTER TABLE macro.vol_surfaces ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME macro.vol_surfaces_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
-- CONSTRAINT: vol_surfaces vol_surfaces_pkey
ALTER TABLE ONLY macro.vol_surfaces
    ADD CONSTRAINT vol_surfaces_pkey PRIMARY KEY (id, surface_date);
-- CONSTRAINT: vol_surfaces vol_surfaces_point_key
ALTER TABLE ONLY macro.vol_surfaces
    ADD CONSTRAINT vol_surfaces_point_key UNIQUE NULLS NOT DISTINCT (instrument_id, surface_date, tenor, strike, delta);
-- INDEX: vol_surfaces_surface_date_idx
CREATE INDEX vol_surfaces_surface_date_idx ON macro.vol_surfaces USING btree (surface_date DESC);
-- TRIGGER: vol_surfaces ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON macro.vol_surfaces FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- FK CONSTRAINT: vol_surfaces vol_surfaces_instrument_id_fkey
ALTER TABLE ONLY macro.vol_surfaces
    ADD CONSTRAINT vol_surfaces_instrument_id_fkey FOREIGN KEY (instrument_id) REFERENCES macro.instruments(id);
-- ACL: TABLE vol_surfaces
GRANT SELECT,INSERT,UPDATE ON TABLE macro.vol_surfaces TO marketdb_writer;
GRANT SELECT ON TABLE macro.vol_surfaces TO marketdb_reader;
-- ACL: SEQUENCE vol_surfaces_id_seq
GRANT SELECT,USAGE ON SEQUENCE macro.vol_surfaces_id_seq TO marketdb_writer;
