namespace OpenEts.Application.Storage;

/// <summary>
/// A write lost a race with another write on a unique key (two requests adding the same code at once). The whole
/// transaction was rolled back; the caller may answer 409 Conflict.
/// </summary>
public sealed class StoreConflictException : Exception
{
    public StoreConflictException()
    {
        Constraint = "";
    }

    public StoreConflictException(string message) : base(message)
    {
        Constraint = "";
    }

    public StoreConflictException(string constraint, Exception inner)
        : base($"conflict on {constraint}", inner)
    {
        Constraint = constraint;
    }

    public StoreConflictException(string message, Exception? inner, string constraint) : base(message, inner)
    {
        Constraint = constraint;
    }

    /// <summary>The constraint (PostgreSQL) or table.column (SQLite) that was violated.</summary>
    public string Constraint { get; }
}
