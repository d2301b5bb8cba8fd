namespace OpenEts.Application.Storage;

/// <summary>
/// Counters the database itself moves on every change of the rows they watch (triggers, migration 0041), so that a
/// reader that keeps something derived from those rows can tell in one lookup whether they changed since it read them.
/// A counter only grows; its value means nothing else.
/// </summary>
public interface IDataVersionData
{
    /// <summary>The counter <paramref name="name"/> (<see cref="DataVersions"/>) as of this transaction's snapshot; 0 when unknown.</summary>
    Task<long> VersionAsync(string name);
}

/// <summary>The counters of <see cref="IDataVersionData"/>.</summary>
public static class DataVersions
{
    /// <summary>
    /// The rows a compliance year's inputs are read from: organisations, users (name, organisation), emission reports
    /// (status, approved emissions, organisation, year), allocation plans and offset projects.
    /// </summary>
    public const string ComplianceInputs = "compliance-inputs";
}
