-- Deploy marketdb:onchain/markets to pg
-- requires: core/schemas

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- One row per outcome token: the on-chain market trades each outcome as its own token, so
-- token_id is the key every price, book and trade row carries.
CREATE TABLE onchain.markets (
    token_id     text        NOT NULL,
    condition_id text        NOT NULL,
    question     text        NOT NULL,
    outcome      text        NOT NULL,
    market_slug  text,
    active       boolean     NOT NULL DEFAULT true,
    closed       boolean     NOT NULL DEFAULT false,
    end_date     timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT markets_pkey PRIMARY KEY (token_id),
    CONSTRAINT markets_token_id_not_blank CHECK (btrim(token_id) <> ''),
    CONSTRAINT markets_question_not_blank CHECK (btrim(question) <> '')
);

COMMENT ON TABLE onchain.markets IS 'Outcome tokens of on-chain prediction markets, keyed by token_id';

CREATE INDEX markets_condition_id_idx ON onchain.markets (condition_id);
-- Collectors poll the live markets all day; the closed ones, most of the table over time,
-- stay out of this index.
CREATE INDEX markets_active_end_date_idx ON onchain.markets (end_date) WHERE active AND NOT closed;

COMMIT;
