namespace OpenEts.Storage;

/// <summary>The databases OpenETS runs on.</summary>
public enum SqlDialect
{
    /// <summary>Embedded, one file: the default for a single machine and for development.</summary>
    Sqlite,

    /// <summary>The production store.</summary>
    Postgres,
}
