namespace OpenEts.Domain.Inclusion;

/// <summary>
/// The smallest number of citizens a published statistic may describe (最小统计单元): a cell counting 1 to
/// <see cref="Citizens"/> − 1 citizens is suppressed, so that no figure lets a neighbour work out one person's
/// behaviour. A cell with no citizen describes no one and is shown.
/// </summary>
/// <param name="Citizens">k, at least 1 (1 suppresses nothing).</param>
/// <param name="Source">Where k comes from, or why the platform chose it.</param>
/// <param name="Confirmed">True when read in the programme's sources.</param>
public sealed record MinimumGroup(int Citizens, string Source, bool Confirmed)
{
    /// <summary>The largest minimum group a programme may set (citizens): cells of that many citizens or more are shown whatever the programme's setting.</summary>
    public const int MaxCitizens = 1000;

    /// <summary>
    /// The platform's default when a programme states none: k = 5 [UNCONFIRMED: the platform's own choice; no programme
    /// publishes a minimum cell size, and 5 is a common statistical-disclosure threshold].
    /// </summary>
    public static MinimumGroup Default { get; } = new(5,
        "the platform's own choice: no programme publishes a minimum cell size; 5 is a common statistical-disclosure threshold [UNCONFIRMED]", false);

    /// <summary>True when a cell counting <paramref name="citizens"/> may be published.</summary>
    public bool Shows(long citizens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(citizens);
        return citizens == 0 || citizens >= Citizens;
    }
}
