-- A trading account's life: suspended (is_open = 0) by its member or by the exchange (suspended_by_exchange = 1: only the
-- exchange's staff lift it), closed (closed_at, 销户), and a client account's transfer to another member offered by its
-- present member and waiting for the new member's acceptance (transfer_to_member_id, the new member's own trading account).
ALTER TABLE exchange_accounts ADD COLUMN suspended_by_exchange INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchange_accounts ADD COLUMN closed_at INTEGER NULL;
ALTER TABLE exchange_accounts ADD COLUMN transfer_to_member_id INTEGER NULL REFERENCES exchange_accounts (id);
