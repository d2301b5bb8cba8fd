namespace OpenEts.Domain.Registry;

/// <summary>An event that moves units: the named blocks of one class leave <see cref="From"/> for <see cref="To"/>.</summary>
public interface IUnitMovement
{
    /// <summary>The account the units leave.</summary>
    AccountNumber From { get; }

    /// <summary>The account the units enter.</summary>
    AccountNumber To { get; }

    /// <summary>The class of every block moved.</summary>
    UnitClass Class { get; }

    /// <summary>The serials moved, sorted, disjoint; their counts sum to the quantity moved.</summary>
    IReadOnlyList<SerialBlock> Blocks { get; }
}
