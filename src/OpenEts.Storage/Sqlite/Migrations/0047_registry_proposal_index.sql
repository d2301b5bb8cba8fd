-- Which journal entries name a proposal (the one that proposed it and the one that decided it), keyed by the proposal's
-- number: proposal numbers only grow, so a new proposal's rows go at the end of this index, where the text terms
-- 'p:' + number of registry_index sorted among each other and were inserted all over it. The existing rows move here.
CREATE TABLE registry_proposal_index (
    proposal INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (proposal, seq)
) WITHOUT ROWID;

INSERT INTO registry_proposal_index (proposal, seq)
SELECT CAST(substr(term, 3) AS INTEGER), seq FROM registry_index WHERE term >= 'p:' AND term < 'p;';

DELETE FROM registry_index WHERE term >= 'p:' AND term < 'p;';
