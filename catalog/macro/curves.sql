-- TABLE: curves
CREATE TABLE macro.curves (
    id bigint NOT NULL,
    curve_id text NOT NULL,
    curve_date date NOT NULL,
    tenor text NOT NULL,
    rate numeric NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT curves_curve_date_plausible CHECK (((curve_date >= '1800-01-01'::date) AND (curve_date < '2100-01-01'::date))),
    CONSTRAINT curves_curve_id_length CHECK ((length(curve_id) <= 128)),
    CONSTRAINT curves_curve_id_not_blank CHECK ((btrim(curve_id) <> ''::text)),
    CONSTRAINT curves_rate_finite CHECK (((rate > '-Infinity'::numeric) AND (rate < 'Infinity'::numeric))),
    CONSTRAINT curves_tenor_format CHECK ((tenor ~ '^[1-9][0-9]*[DWMY]$'::text)),
    CONSTRAINT curves_tenor_length CHECK ((length(tenor) <= 8))
);


ALTER TABLE macro.curves OWNER TO marketdb_owner;
-- COMMENT: TABLE curves
COMMENT ON TABLE macro.curves IS 'Curve points per curve, date and tenor (hypertable, 180 day chunks, kept, compressed after 90 days)';
-- SEQUENCE: curves_id_seq
ALTER TABLE macro.curves ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME macro.curves_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
-- CONSTRAINT: curves curves_pkey
ALTER TABLE ONLY macro.curves
    ADD CONSTRAINT curves_pkey PRIMARY KEY (id, curve_date);
-- CONSTRAINT: curves curves_point_key
ALTER TABLE ONLY macro.curves
    ADD CONSTRAINT curves_point_key UNIQUE (curve_id, curve_date, tenor);
-- INDEX: curves_curve_date_idx
CREATE INDEX curves_curve_date_idx ON macro.curves USING btree (curve_date DESC);
-- TRIGGER: curves ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON macro.curves FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- ACL: TABLE curves
GRANT SELECT,INSERT,UPDATE ON TABLE macro.curves TO marketdb_writer;
GRANT SELECT ON TABLE macro.curves TO marketdb_reader;
-- ACL: SEQUENCE curves_id_seq
GRANT SELECT,USAGE ON SEQUENCE macro.curves_id_seq TO marketdb_writer;
