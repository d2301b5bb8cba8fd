-- Client accounts (客户账户): a member's client trades through a trading account of its own (its holding account, its
-- cash), whose orders the member's traders enter. member_account_id is the acting member's own trading account; NULL
-- for an account its organisation trades itself. One trading account per organisation still holds
-- (ux_exchange_accounts_organisation), so an organisation is the client of one member at most.
ALTER TABLE exchange_accounts ADD COLUMN member_account_id bigint NULL REFERENCES exchange_accounts (id);
CREATE INDEX ix_exchange_accounts_member ON exchange_accounts (member_account_id);
