-- Sessions end when the user's security stamp changes (sign-out, password change, "sign out everywhere", disabling):
-- the sign-in cookie carries the stamp it was issued with and is checked against this column on every request.
-- API tokens gain an expiry, a scope (read or read-write) and when they were last used.
ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN disabled_at INTEGER NULL;
UPDATE users SET security_stamp = lower(hex(randomblob(16)));

ALTER TABLE api_tokens ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'read-write';
ALTER TABLE api_tokens ADD COLUMN last_used_at INTEGER NULL;
-- Tokens made before expiries existed live the default 90 days from their creation.
UPDATE api_tokens SET expires_at = created_at + 7776000000;
