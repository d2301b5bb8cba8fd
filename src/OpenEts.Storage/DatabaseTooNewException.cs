namespace OpenEts.Storage;

/// <summary>
/// The database was migrated by a newer OpenETS: it holds a schema version this program does not know, so this program
/// must not touch it (its queries would not match the tables).
/// </summary>
public sealed class DatabaseTooNewException(int databaseVersion, int programVersion)
    : Exception($"The database has schema version {databaseVersion}, newer than this program knows (up to {programVersion}): "
        + "run the OpenETS release that wrote it, or a newer one.")
{
    /// <summary>The highest migration the database has.</summary>
    public int DatabaseVersion { get; } = databaseVersion;

    /// <summary>The highest migration this program has.</summary>
    public int ProgramVersion { get; } = programVersion;
}
