-- The server's data-protection key ring (ASP.NET Core keys that protect sign-in cookies and antiforgery tokens), kept
-- here so that sign-ins survive a restart and every server instance on this database reads the same keys.
CREATE TABLE data_protection_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT NOT NULL,
    xml TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT ux_data_protection_keys_friendly_name UNIQUE (friendly_name)
);
