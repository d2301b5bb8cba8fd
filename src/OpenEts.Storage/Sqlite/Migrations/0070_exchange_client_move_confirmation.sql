-- A client's move to another member (转托管) waits for the client's own confirmation before the new member accepts it
-- (transfer_confirmed = 1 once a representative of the client's holding account confirmed the move offered in
-- transfer_to_member_id; 0 with no move offered). A move offered before this migration is not confirmed: its client confirms it.
ALTER TABLE exchange_accounts ADD COLUMN transfer_confirmed INTEGER NOT NULL DEFAULT 0;
