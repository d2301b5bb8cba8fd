-- User management: a password reset by the regulator makes the user choose a new one at their next sign-in.
-- Two-factor sign-in (TOTP): the secret (protected by the server's data-protection keys), when enrolment was confirmed,
-- the last time step accepted (a code is never accepted twice) and the SHA-256 of each unused recovery code.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN totp_secret TEXT NULL;
ALTER TABLE users ADD COLUMN totp_enabled_at INTEGER NULL;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NULL;
ALTER TABLE users ADD COLUMN recovery_codes TEXT NULL;
