-- TABLE: events
CREATE TABLE exchange.events (
    event_ticker text NOT NULL,
    series_ticker text NOT NULL,
    title text NOT NULL,
    sub_title text,
    category text,
    status text DEFAULT 'unopened'::text NOT NULL,
    strike_date timestamp with time zone,
    mutually_exclusive boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT events_category_length CHECK ((length(category) <= 64)),
    CONSTRAINT events_category_not_blank CHECK ((btrim(category) <> ''::text)),
    CONSTRAINT events_event_ticker_length CHECK ((length(event_ticker) <= 64)),
    CONSTRAINT events_series_ticker_length CHECK ((length(series_ticker) <= 64)),
    CONSTRAINT events_series_ticker_not_blank CHECK ((btrim(series_ticker) <> ''::text)),
    CONSTRAINT events_status_known CHECK ((status = ANY (ARRAY['unopened'::text, 'open'::text, 'closed'::text, 'settled'::text]))),
    CONSTRAINT events_strike_date_plausible CHECK (((strike_date >= '2018-01-01 00:00:00+00'::timestamp with time zone) AND (strike_date < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT events_sub_title_length CHECK ((length(sub_title) <= 1000)),
    CONSTRAINT events_ticker_not_blank CHECK ((btrim(event_ticker) <> ''::text)),
    CONSTRAINT events_title_length CHECK ((length(title) <= 1000)),
    CONSTRAINT events_title_not_blank CHECK ((btrim(title) <> ''::text))
);


ALTER TABLE exchange.events OWNER TO marketdb_owner;
-- COMMENT: TABLE events
COMMENT ON TABLE exchange.events IS 'Events of a series; mutually_exclusive: at most one market of the event settles yes';
-- CONSTRAINT: events events_pkey
ALTER TABLE ONLY exchange.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (event_ticker);
-- INDEX: events_category_idx
CREATE INDEX events_category_idx ON exchange.events USING btree (category);
-- INDEX: events_series_ticker_idx
CREATE INDEX events_series_ticker_idx ON exchange.events USING btree (series_ticker);
-- INDEX: events_status_idx
CREATE INDEX events_status_idx ON exchange.events USING btree (status);
-- ACL: TABLE events
GRANT SELECT,INSERT,UPDATE ON TABLE exchange.events TO marketdb_writer;
GRANT SELECT ON TABLE exchange.events TO marketdb_reader;
