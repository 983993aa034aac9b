-- TABLE: corporate_actions
CREATE TABLE equities.corporate_actions (
    date date NOT NULL,
    symbol text NOT NULL,
    action_type text NOT NULL,
    value numeric(18,8) NOT NULL,
    currency text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT corporate_actions_action_type_known CHECK ((action_type = ANY (ARRAY['split'::text, 'dividend'::text]))),
    CONSTRAINT corporate_actions_currency_for_dividends CHECK (((action_type = 'dividend'::text) = (currency IS NOT NULL))),
    CONSTRAINT corporate_actions_currency_iso CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT corporate_actions_date_plausible CHECK (((date >= '1900-01-01'::date) AND (date < '2100-01-01'::date))),
    CONSTRAINT corporate_actions_value_finite CHECK (((value > '-Infinity'::numeric) AND (value < 'Infinity'::numeric))),
    CONSTRAINT corporate_actions_value_positive CHECK ((value > (0)::numeric))
);


ALTER TABLE equities.corporate_actions OWNER TO marketdb_owner;
-- COMMENT: TABLE corporate_actions
COMMENT ON TABLE equities.corporate_actions IS 'Splits and dividends per symbol and date';
-- CONSTRAINT: corporate_actions corporate_actions_pkey
ALTER TABLE ONLY equities.corporate_actions
    ADD CONSTRAINT corporate_actions_pkey PRIMARY KEY (date, symbol, action_type);
-- INDEX: corporate_actions_symbol_date_idx
CREATE INDEX corporate_actions_symbol_date_idx ON equities.corporate_actions USING btree (symbol, date DESC);
-- FK CONSTRAINT: corporate_actions corporate_actions_symbol_fkey
ALTER TABLE ONLY equities.corporate_actions
    ADD CONSTRAINT corporate_actions_symbol_fkey FOREIGN KEY (symbol) REFERENCES equities.assets(symbol);
-- ACL: TABLE corporate_actions
GRANT SELECT,INSERT,UPDATE ON TABLE equities.corporate_actions TO marketdb_writer;
GRANT SELECT ON TABLE equities.corporate_actions TO marketdb_reader;
