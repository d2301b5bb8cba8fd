-- Carbon inclusion citizens' personal information (个人信息保护法): the profile a citizen gave at sign-up (erasable), the
-- consent in force (denormalised for the hot path), and every consent given or withdrawn with its notice version.
-- A citizen signed up on the platform is known everywhere else (users.user_name, the journal) only by a pseudonym.
-- Times are Unix ms.
CREATE TABLE inclusion_citizens (
    user_id INTEGER PRIMARY KEY REFERENCES users (id),
    nickname TEXT NULL,
    contact TEXT NULL,
    signed_up_at INTEGER NOT NULL,
    consent_version TEXT NULL,
    consent_at INTEGER NULL,
    erased_at INTEGER NULL
);

CREATE TABLE inclusion_consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    version TEXT NOT NULL,
    given_at INTEGER NOT NULL,
    withdrawn_at INTEGER NULL
);
CREATE INDEX ix_inclusion_consents_user ON inclusion_consents (user_id, id);
