-- TABLE: funding
CREATE TABLE crypto.funding (
    symbol text NOT NULL,
    funding_ts timestamp with time zone NOT NULL,
    funding_rate numeric NOT NULL,
    rate_annualized numeric,
    payment numeric,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT funding_funding_rate_finite CHECK (((funding_rate > '-Infinity'::numeric) AND (funding_rate < 'Infinity'::numeric))),
    CONSTRAINT funding_funding_ts_plausible CHECK (((funding_ts >= '2009-01-01 00:00:00+00'::timestamp with time zone) AND (funding_ts < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT funding_payment_finite CHECK (((payment > '-Infinity'::numeric) AND (payment < 'Infinity'::numeric))),
    CONSTRAINT funding_rate_annualized_finite CHECK (((rate_annualized > '-Infinity'::numeric) AND (rate_annualized < 'Infinity'::numeric))),
    CONSTRAINT funding_symbol_length CHECK ((length(symbol) <= 64)),
    CONSTRAINT funding_symbol_not_blank CHECK ((btrim(symbol) <> ''::text))
);


ALTER TABLE crypto.funding OWNER TO marketdb_owner;
-- COMMENT: TABLE funding
COMMENT ON TABLE crypto.funding IS 'Funding rates of perpetual futures per symbol (hypertable, 30 day chunks, 365 days)';
-- CONSTRAINT: funding funding_pkey
ALTER TABLE ONLY crypto.funding
    ADD CONSTRAINT funding_pkey PRIMARY KEY (symbol, funding_ts);
-- INDEX: funding_funding_ts_idx
CREATE INDEX funding_funding_ts_idx ON crypto.funding USING btree (funding_ts DESC);
-- TRIGGER: funding ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON crypto.funding FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- ACL: TABLE funding
GRANT SELECT,INSERT,UPDATE ON TABLE crypto.funding TO marketdb_writer;
GRANT SELECT ON TABLE crypto.funding TO marketdb_reader;
