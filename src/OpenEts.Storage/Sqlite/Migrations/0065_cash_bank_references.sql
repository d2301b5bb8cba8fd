-- Cash: a bank slip is booked once. A deposit (入金) or withdrawal (出金) names the bank's reference of the money that
-- moved; the same reference booked twice on an account would put the same money on it twice. The ledger looks it up
-- before it books a deposit or withdrawal (CashLedger, rule ReferenceReused); this index answers that look-up.
-- Not unique: references booked twice before this migration stay as they were.
CREATE INDEX ix_cash_entries_bank_reference ON cash_entries (reference) WHERE kind IN ('Deposit', 'Withdrawal');
