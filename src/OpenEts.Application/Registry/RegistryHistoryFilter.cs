using System.Globalization;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// Which registry events of an account's history to show: by kind, unit class and time, for the API, the CLI and
/// the exports alike.
/// </summary>
/// <param name="Kind">
/// Part of the journal kind, without or with its prefix: <c>transfer</c>, <c>executed</c>, <c>units.allocated</c>,
/// <c>registry.units.surrendered</c>; case-insensitive. Null: every kind.
/// </param>
/// <param name="Class">Only events moving or naming this unit class (for a rejected or expired proposal, its class).</param>
/// <param name="Since">Only events at or after this moment.</param>
/// <param name="Until">Only events before this moment.</param>
public sealed record RegistryHistoryFilter(
    string? Kind = null, UnitClass? Class = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null)
{
    /// <summary>The most events one page of history may hold.</summary>
    public const int MaxTake = 1000;

    /// <summary>The events one page of history holds when the request names no <c>take</c>.</summary>
    public const int DefaultTake = 100;

    /// <summary>True when <paramref name="e"/> passes every condition set.</summary>
    public bool Matches(RegistryEvent e, RegistryLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(ledger);
        return (Kind is null || RegistryEventJson.KindOf(e).Contains(Kind, StringComparison.OrdinalIgnoreCase))
            && (Class is not { } c || ClassOf(e, ledger) == c)
            && (Since is not { } since || e.At >= since)
            && (Until is not { } until || e.At < until);
    }

    /// <summary>
    /// Reads the filter and a page from text fields as they come in a query string (<c>kind</c>, <c>class</c>,
    /// <c>since</c>, <c>until</c> as ISO dates or times, <c>skip</c> ≥ 0, <c>take</c> 1–<see cref="MaxTake"/>, by default
    /// <see cref="DefaultTake"/>, so that no request pulls a whole account's history at once); each bad
    /// field is named with its rule.
    /// </summary>
    public static (RegistryHistoryFilter Filter, int Skip, int? Take, IReadOnlyList<FieldError> Errors) Parse(
        string? kind, string? unitClass, string? since, string? until, string? skip, string? take)
    {
        var errors = new List<FieldError>();
        UnitClass? parsedClass = null;
        if (!string.IsNullOrWhiteSpace(unitClass))
        {
            if (UnitClass.TryParse(unitClass.Trim(), out var c))
            {
                parsedClass = c;
            }
            else
            {
                errors.Add(new FieldError("class", "UnitClass", $"'{unitClass}' is not a unit class (e.g. GDEA-2017, CEA-2021, CCER)"));
            }
        }
        var from = Moment(since, "since", errors);
        var to = Moment(until, "until", errors);
        if (from is { } f && to is { } t && t <= f)
        {
            errors.Add(new FieldError("until", "UntilAfterSince", "'until' must be later than 'since'"));
        }
        var skipped = 0;
        if (!string.IsNullOrWhiteSpace(skip)
            && (!int.TryParse(skip, NumberStyles.None, CultureInfo.InvariantCulture, out skipped) || skipped < 0))
        {
            errors.Add(new FieldError("skip", "NonNegativeWholeNumber", $"'{skip}' is not a whole number ≥ 0"));
        }
        int? taken = DefaultTake;
        if (!string.IsNullOrWhiteSpace(take))
        {
            if (int.TryParse(take, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxTake)
            {
                taken = n;
            }
            else
            {
                errors.Add(new FieldError("take", "PageSize", $"'{take}' is not a whole number from 1 to {MaxTake}"));
            }
        }
        var filter = new RegistryHistoryFilter(string.IsNullOrWhiteSpace(kind) ? null : kind.Trim(), parsedClass, from, to);
        return (filter, skipped, taken, errors);
    }

    // A date is its midnight in China Standard Time (UTC+8), the market's day; a time with an offset is taken as is.
    private static DateTimeOffset? Moment(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        }
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            return moment;
        }
        errors.Add(new FieldError(field, "DateTime", $"'{text}' is not a date (2017-06-30) or a time with offset (2017-06-30T09:30:00+08:00)"));
        return null;
    }

    private static UnitClass? ClassOf(RegistryEvent e, RegistryLedger ledger) => e switch
    {
        IUnitMovement m => m.Class,
        UnitsIssued i => i.Class,
        TransferProposed p => p.Class,
        TransferRejected r => ledger.FindProposal(r.Proposal)?.Class,
        ProposalExpired x => ledger.FindProposal(x.Proposal)?.Class,
        _ => null,
    };
}
