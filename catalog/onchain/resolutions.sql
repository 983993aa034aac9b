-- TABLE: resolutions
CREATE TABLE onchain.resolutions (
    token_id text NOT NULL,
    outcome text NOT NULL,
    payout numeric(8,6) NOT NULL,
    resolved_at timestamp with time zone NOT NULL,
    source text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT resolutions_outcome_known CHECK ((outcome = ANY (ARRAY['yes'::text, 'no'::text, 'void'::text]))),
    CONSTRAINT resolutions_payout_range CHECK (((payout >= (0)::numeric) AND (payout <= (1)::numeric))),
    CONSTRAINT resolutions_resolved_at_plausible CHECK (((resolved_at >= '2020-01-01 00:00:00+00'::timestamp with time zone) AND (resolved_at < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT resolutions_source_length CHECK ((length(source) <= 128)),
    CONSTRAINT resolutions_source_not_blank CHECK ((btrim(source) <> ''::text))
);


ALTER TABLE onchain.resolutions OWNER TO marketdb_owner;
-- COMMENT: TABLE resolutions
COMMENT ON TABLE onchain.resolutions IS 'How each outcome token resolved, when, and by which source (oracle)';
-- CONSTRAINT: resolutions resolutions_pkey
ALTER TABLE ONLY onchain.resolutions
    ADD CONSTRAINT resolutions_pkey PRIMARY KEY (token_id);
-- FK CONSTRAINT: resolutions resolutions_token_id_fkey
ALTER TABLE ONLY onchain.resolutions
    ADD CONSTRAINT resolutions_token_id_fkey FOREIGN KEY (token_id) REFERENCES onchain.markets(token_id);
-- ACL: TABLE resolutions
GRANT SELECT,INSERT,UPDATE ON TABLE onchain.resolutions TO marketdb_writer;
GRANT SELECT ON TABLE onchain.resolutions TO marketdb_reader;
