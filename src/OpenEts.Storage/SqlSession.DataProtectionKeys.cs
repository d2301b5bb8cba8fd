namespace OpenEts.Storage;

internal sealed partial class SqlSession
{
    public async Task<IReadOnlyList<string>> AllAsync() =>
        (await QueryAsync<string>("SELECT xml FROM data_protection_keys ORDER BY id").ConfigureAwait(false)).ToList();

    // ON CONFLICT … DO NOTHING is common to SQLite (3.24+) and PostgreSQL.
    public async Task<bool> AddAsync(string friendlyName, string xml, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(friendlyName);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        return await ExecuteAsync("""
            INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @now)
            ON CONFLICT (friendly_name) DO NOTHING
            """, new { friendlyName, xml, now = Ms(now) }).ConfigureAwait(false) == 1;
    }
}
