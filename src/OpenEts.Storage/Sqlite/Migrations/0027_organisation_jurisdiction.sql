-- Organisations: the carbon market each covered entity is covered by (所属碳市场), by the code plans give as their
-- registryCode (GD the Guangdong pilot, CN the national market, …); NULL for none. Compliance lists, surrender checks and
-- allocation runs of a market take only its entities. Existing companies were treated as covered by whichever market was
-- asked, and the platform has run the Guangdong pilot: they are given GD; other organisations (regulator, verifiers,
-- exchange, auditor) none. The regulator moves an entity to another market on its page or by import.
ALTER TABLE organisations ADD COLUMN jurisdiction TEXT NULL;
UPDATE organisations SET jurisdiction = 'GD' WHERE kind = 'Company';
CREATE INDEX ix_organisations_jurisdiction ON organisations (jurisdiction);
