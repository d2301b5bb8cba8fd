using OpenEts.Domain.Mrv;

namespace OpenEts.Application.Mrv;

/// <summary>
/// A factor correction the regulator published: a new version of the factor library (<see cref="FactorLibrary"/>) that
/// replaces one default with the value of an official notice. Versions apply in the order published, on top of the
/// shipped library (<see cref="DefaultFactors"/>); every calculation after publication uses the newest.
/// </summary>
public sealed record PublishedFactors(string Version, DateTimeOffset At, string By, string Notes, FactorCorrection Correction);

/// <summary>The factor library in force: the shipped defaults with every published correction applied in order.</summary>
public static class MrvFactors
{
    /// <summary>The library after <paramref name="published"/> (oldest first); the shipped one when there are none.</summary>
    public static FactorLibrary Current(IReadOnlyList<PublishedFactors> published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var library = DefaultFactors.Library;
        foreach (var p in published)
        {
            library = p.Correction.ApplyTo(library, p.Version, p.Notes);
        }
        return library;
    }

    /// <summary>
    /// The library as it was at <paramref name="version"/>: the shipped one, or the shipped one with the corrections up
    /// to and including that version; the library in force when <paramref name="version"/> is null or unknown.
    /// </summary>
    public static FactorLibrary AtVersion(IReadOnlyList<PublishedFactors> published, string? version)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (version == DefaultFactors.Version)
        {
            return DefaultFactors.Library;
        }
        var upTo = version is null ? -1 : published.ToList().FindIndex(p => p.Version == version);
        return Current(upTo < 0 ? published : [.. published.Take(upTo + 1)]);
    }
}

/// <summary>
/// One report a factor correction would move: its company, year and status, its total (tCO2, to 1 kg) under the library
/// in force and under the corrected one, and the change in percent (null when the old total is zero).
/// </summary>
public sealed record CorrectionImpact(long Report, string Organisation, string Name, int Year, ReportStatus Status, decimal OldTotal,
    decimal NewTotal, decimal? ChangePercent)
{
    /// <summary>New minus old, tCO2.</summary>
    public decimal Change => NewTotal - OldTotal;
}

/// <summary>A correction's preview: the reports it would move, or the fields that stop it (then no rows).</summary>
public sealed record CorrectionPreview(IReadOnlyList<CorrectionImpact> Rows, IReadOnlyList<Domain.Organisations.FieldError> Errors);
