-- Deploy marketdb:onchain/resolutions to pg
-- requires: onchain/markets

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- One resolution per token. A foreign key is fine here: resolutions are few and written
-- after the market exists, unlike the high-volume hypertables.
CREATE TABLE onchain.resolutions (
    token_id    text          NOT NULL,
    outcome     text          NOT NULL,
    -- What one token paid out: 1 for the winning outcome, 0 for a losing one, between for a
    -- split (void) resolution.
    payout      numeric(8, 6) NOT NULL,
    resolved_at timestamptz   NOT NULL,
    source      text          NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT resolutions_pkey PRIMARY KEY (token_id),
    CONSTRAINT resolutions_token_id_fkey FOREIGN KEY (token_id) REFERENCES onchain.markets (token_id),
    CONSTRAINT resolutions_outcome_known CHECK (outcome IN ('yes', 'no', 'void')),
    CONSTRAINT resolutions_payout_range CHECK (payout BETWEEN 0 AND 1)
);

COMMENT ON TABLE onchain.resolutions IS 'How each outcome token resolved, when, and by which source (oracle)';

COMMIT;
