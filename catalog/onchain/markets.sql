-- TABLE: markets
CREATE TABLE onchain.markets (
    token_id text NOT NULL,
    condition_id text NOT NULL,
    question text NOT NULL,
    outcome text NOT NULL,
    market_slug text,
    active boolean DEFAULT true NOT NULL,
    closed boolean DEFAULT false NOT NULL,
    end_date timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT markets_condition_id_length CHECK ((length(condition_id) <= 128)),
    CONSTRAINT markets_condition_id_not_blank CHECK ((btrim(condition_id) <> ''::text)),
    CONSTRAINT markets_end_date_plausible CHECK (((end_date >= '2020-01-01 00:00:00+00'::timestamp with time zone) AND (end_date < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT markets_market_slug_length CHECK ((length(market_slug) <= 1000)),
    CONSTRAINT markets_market_slug_not_blank CHECK ((btrim(market_slug) <> ''::text)),
    CONSTRAINT markets_outcome_length CHECK ((length(outcome) <= 1000)),
    CONSTRAINT markets_outcome_not_blank CHECK ((btrim(outcome) <> ''::text)),
    CONSTRAINT markets_question_length CHECK ((length(question) <= 1000)),
    CONSTRAINT markets_question_not_blank CHECK ((btrim(question) <> ''::text)),
    CONSTRAINT markets_token_id_length CHECK ((length(token_id) <= 128)),
    CONSTRAINT markets_token_id_not_blank CHECK ((btrim(token_id) <> ''::text))
);


ALTER TABLE onchain.markets OWNER TO marketdb_owner;
-- COMMENT: TABLE markets
COMMENT ON TABLE onchain.markets IS 'Outcome tokens of on-chain prediction markets, keyed by token_id';
-- CONSTRAINT: markets markets_pkey
ALTER TABLE ONLY onchain.markets
    ADD CONSTRAINT markets_pkey PRIMARY KEY (token_id);
-- INDEX: markets_active_end_date_idx
CREATE INDEX markets_active_end_date_idx ON onchain.markets USING btree (end_date) WHERE active;
-- INDEX: markets_condition_id_idx
CREATE INDEX markets_condition_id_idx ON onchain.markets USING btree (condition_id);
-- ACL: TABLE markets
GRANT SELECT,INSERT,UPDATE ON TABLE onchain.markets TO marketdb_writer;
GRANT SELECT ON TABLE onchain.markets TO marketdb_reader;
