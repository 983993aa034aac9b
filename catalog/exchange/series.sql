-- TABLE: series
CREATE TABLE exchange.series (
    series_ticker text NOT NULL,
    title text NOT NULL,
    category text,
    frequency text,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT series_category_length CHECK ((length(category) <= 64)),
    CONSTRAINT series_category_not_blank CHECK ((btrim(category) <> ''::text)),
    CONSTRAINT series_frequency_length CHECK ((length(frequency) <= 64)),
    CONSTRAINT series_frequency_not_blank CHECK ((btrim(frequency) <> ''::text)),
    CONSTRAINT series_series_ticker_length CHECK ((length(series_ticker) <= 64)),
    CONSTRAINT series_ticker_not_blank CHECK ((btrim(series_ticker) <> ''::text)),
    CONSTRAINT series_title_length CHECK ((length(title) <= 1000)),
    CONSTRAINT series_title_not_blank CHECK ((btrim(title) <> ''::text))
);


ALTER TABLE exchange.series OWNER TO marketdb_owner;
-- COMMENT: TABLE series
COMMENT ON TABLE exchange.series IS 'Event-contract series (e.g. a recurring economic release)';
-- CONSTRAINT: series series_pkey
ALTER TABLE ONLY exchange.series
    ADD CONSTRAINT series_pkey PRIMARY KEY (series_ticker);
-- INDEX: series_category_idx
CREATE INDEX series_category_idx ON exchange.series USING btree (category);
-- ACL: TABLE series
GRANT SELECT,INSERT,UPDATE ON TABLE exchange.series TO marketdb_writer;
GRANT SELECT ON TABLE exchange.series TO marketdb_reader;
