using OpenEts.Application.Files;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Exchange.MarketData;

/// <summary>How a statistics import ended. Only <see cref="Imported"/> wrote anything.</summary>
public abstract record StatisticsImportOutcome
{
    /// <summary>
    /// Stored: rows added and replaced, and the inconsistencies now flagged among all stored rows (an import is stored
    /// even when inconsistent: the figures are what was published, and the page flags them).
    /// </summary>
    public sealed record Imported(int Added, int Replaced, IReadOnlyList<CheckedStatistic> Flagged) : StatisticsImportOutcome;

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
