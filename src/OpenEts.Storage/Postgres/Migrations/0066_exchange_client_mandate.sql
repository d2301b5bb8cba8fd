-- A client account a member opened waits for its client's confirmation of the member's mandate (awaiting_client = 1,
-- is_open = 0): nothing is entered for it until a representative of the client's holding account confirms; a decline
-- deletes the row. Accounts opened before this migration were opened under the old rule and are not awaiting.
ALTER TABLE exchange_accounts ADD COLUMN awaiting_client bigint NOT NULL DEFAULT 0;
