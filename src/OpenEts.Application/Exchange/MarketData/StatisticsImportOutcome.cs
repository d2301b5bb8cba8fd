using OpenEts.Application.Files;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Exchange.MarketData;

/// <summary>How a statistics import ended. Only <see cref="Imported"/> wrote anything.</summary>
public abstract record StatisticsImportOutcome
{
    /// <summary>
    /// Stored (even when inconsistent: the figures are what was published, and the page flags them): the file's
    /// <paramref name="Rows"/>, of which <paramref name="Added"/> new and <paramref name="Replaced"/> replacing stored ones;
    /// <paramref name="Flagged"/> the file's rows flagged once stored, checked with the whole table; and
    /// <paramref name="FlaggedInAll"/> how many rows of the whole table are flagged now, the file's and the others'.
    /// </summary>
    public sealed record Imported(int Rows, int Added, int Replaced, IReadOnlyList<CheckedStatistic> Flagged, int FlaggedInAll)
        : StatisticsImportOutcome;

    /// <summary>The file's errors (the first <see cref="TabularLimits.MaxErrorsListed"/>, and how many more).</summary>
    public sealed record Invalid : StatisticsImportOutcome
    {
        public Invalid(IReadOnlyList<StatisticsFileError> errors)
        {
            ArgumentNullException.ThrowIfNull(errors);
            Errors = errors.Count > TabularLimits.MaxErrorsListed ? [.. errors.Take(TabularLimits.MaxErrorsListed)] : errors;
            MoreErrors = errors.Count - Errors.Count;
        }

        public IReadOnlyList<StatisticsFileError> Errors { get; }

        public int MoreErrors { get; }
    }

    /// <summary>The actor's role may not import statistics.</summary>
    public sealed record Forbidden(IReadOnlyList<Role> Allowed) : StatisticsImportOutcome;
}
