-- Carbon inclusion: the partners' quality dashboard and partners' signing keys.
--   inclusion_quality: events received by partner (0: recorded by a citizen or the regulator, not a partner), programme,
--     Beijing day of receipt (DateOnly.DayNumber) and outcome ('Counted', or the rule that rejected them), added to by
--     each batch in its own transaction (derived data: the batch's journal entry carries the same counts);
--   inclusion_partners.signing_key: the partner's ECDSA P-256 public key (SubjectPublicKeyInfo, base64) when its key
--     requires every event signed; NULL when the API key alone authenticates the batch.
CREATE TABLE inclusion_quality (
    partner bigint NOT NULL,
    programme text NOT NULL,
    day bigint NOT NULL,
    outcome text NOT NULL,
    events bigint NOT NULL,
    PRIMARY KEY (partner, programme, day, outcome)
);
CREATE INDEX ix_inclusion_quality_day ON inclusion_quality (day);

ALTER TABLE inclusion_partners ADD COLUMN signing_key text NULL;
