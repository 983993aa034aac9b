-- TABLE: markets
CREATE TABLE exchange.markets (
    ticker text NOT NULL,
    event_ticker text NOT NULL,
    series_ticker text NOT NULL,
    title text NOT NULL,
    status text DEFAULT 'unopened'::text NOT NULL,
    open_time timestamp with time zone,
    close_time timestamp with time zone,
    expiration_time timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT markets_close_after_open CHECK ((close_time >= open_time)),
    CONSTRAINT markets_close_time_plausible CHECK (((close_time >= '2018-01-01 00:00:00+00'::timestamp with time zone) AND (close_time < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT markets_event_ticker_length CHECK ((length(event_ticker) <= 64)),
    CONSTRAINT markets_event_ticker_not_blank CHECK ((btrim(event_ticker) <> ''::text)),
    CONSTRAINT markets_expiration_after_close CHECK ((expiration_time >= close_time)),
    CONSTRAINT markets_expiration_time_plausible CHECK (((expiration_time >= '2018-01-01 00:00:00+00'::timestamp with time zone) AND (expiration_time < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT markets_open_time_plausible CHECK (((open_time >= '2018-01-01 00:00:00+00'::timestamp with time zone) AND (open_time < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT markets_series_ticker_length CHECK ((length(series_ticker) <= 64)),
    CONSTRAINT markets_series_ticker_not_blank CHECK ((btrim(series_ticker) <> ''::text)),
    CONSTRAINT markets_status_known CHECK ((status = ANY (ARRAY['unopened'::text, 'open'::text, 'closed'::text, 'settled'::text]))),
    CONSTRAINT markets_ticker_length CHECK ((length(ticker) <= 64)),
    CONSTRAINT markets_ticker_not_blank CHECK ((btrim(ticker) <> ''::text)),
    CONSTRAINT markets_title_length CHECK ((length(title) <= 1000)),
    CONSTRAINT markets_title_not_blank CHECK ((btrim(title) <> ''::text))
);


ALTER TABLE exchange.markets OWNER TO marketdb_owner;
-- COMMENT: TABLE markets
COMMENT ON TABLE exchange.markets IS 'Binary markets of an event; ticker is what trades, deltas and snapshots reference';
-- CONSTRAINT: markets markets_pkey
ALTER TABLE ONLY exchange.markets
    ADD CONSTRAINT markets_pkey PRIMARY KEY (ticker);
-- INDEX: markets_event_ticker_idx
CREATE INDEX markets_event_ticker_idx ON exchange.markets USING btree (event_ticker);
-- INDEX: markets_series_ticker_idx
CREATE INDEX markets_series_ticker_idx ON exchange.markets USING btree (series_ticker);
-- INDEX: markets_status_idx
CREATE INDEX markets_status_idx ON exchange.markets USING btree (status);
-- ACL: TABLE markets
GRANT SELECT,INSERT,UPDATE ON TABLE exchange.markets TO marketdb_writer;
GRANT SELECT ON TABLE exchange.markets TO marketdb_reader;
