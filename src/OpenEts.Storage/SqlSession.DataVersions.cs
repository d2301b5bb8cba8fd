using OpenEts.Application.Storage;

namespace OpenEts.Storage;

internal sealed partial class SqlSession : IDataVersionData
{
    public IDataVersionData DataVersions => this;

    async Task<long> IDataVersionData.VersionAsync(string name) =>
        await QuerySingleOrDefaultAsync<long?>("SELECT version FROM data_versions WHERE name = @name", new { name }).ConfigureAwait(false) ?? 0;
}
