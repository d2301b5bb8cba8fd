namespace OpenEts.Domain.Inclusion;

/// <summary>What a cap counts together.</summary>
public enum CapScope
{
    /// <summary>Every action of the user in the programme (optionally of one behaviour).</summary>
    User = 1,

    /// <summary>Each data source (a transit card, a utility account, a meter) separately (Ant Forest: one utility bill per account a month).</summary>
    Source,
}
