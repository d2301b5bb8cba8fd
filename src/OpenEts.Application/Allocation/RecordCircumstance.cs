using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>
/// The regulator records a special circumstance of an entity's year (guangdong.md §1.2 art. 14–15: a closure, a
/// stoppage, a new entrant, added capacity; or historical years excluded from its history basis, up to the plan's
/// <c>history.maxExcludedYears</c>) with the reference it rests on, before the year's true-up, which then
/// allocates by it; journalled as <c>allocation.circumstance.recorded</c>. A second record of the same kind replaces the
/// first. After the entity's true-up it is refused (<c>TrueUpDone</c>): the run would not move it again.
/// </summary>
public sealed record RecordCircumstance(string Jurisdiction, int Year, CreditCode Organisation, CircumstanceKind Kind, int? Months,
    decimal? Energy, string Reference, IReadOnlyList<int>? ExcludedYears = null) : IAllocationCommand
{
    /// <summary>The request as typed; <paramref name="ExcludedYears"/> as the years separated by commas or spaces (<c>2015</c>, <c>2014, 2016</c>).</summary>
    public sealed record Form(string? Jurisdiction, int? Year, string? Organisation, string? Kind, int? Months, decimal? Energy, string? Reference,
        string? ExcludedYears = null);

    /// <summary>The most energy use a record may state, tce (a bound against typing errors: the largest plants use a few million).</summary>
    public const decimal MaxEnergy = 100_000_000m;

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => AllocationRoles.Regulator;

    /// <summary>Reads <paramref name="form"/>; on failure <paramref name="errors"/> names each bad field and its rule.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out RecordCircumstance? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var jurisdiction = AllocationFields.Jurisdiction(read, form.Jurisdiction);
        var year = read.Year(form.Year, "year");
        var code = CreditCode.Parse(FieldReader.Text(form.Organisation));
        if (!code.Success)
        {
            read.Fail("organisation", "CreditCode", "organisation: a unified social credit code (18 characters)");
        }
        var kind = read.Choice(form.Kind, "kind", Enum.GetValues<CircumstanceKind>());
        var reference = FieldReader.Text(form.Reference);
        if (reference.Length == 0)
        {
            read.Fail("reference", "Required", "reference: name the decision or filing this rests on");
        }
        var byMonths = kind is CircumstanceKind.Closure or CircumstanceKind.Stoppage;
        var byYears = kind is CircumstanceKind.HistoryExclusion;
        var byEnergy = !byMonths && !byYears;
        if (read.IsValid && byMonths && form.Months is not (>= 1 and <= 12))
        {
            read.Fail("months", "MonthsRange", "months: the abnormal months, 1 to 12");
        }
        if (read.IsValid && byEnergy && (form.Energy is not (> 0m and <= MaxEnergy) || decimal.Round(form.Energy.Value, 3) != form.Energy))
        {
            read.FailOf("energy", "EnergyRange", $"energy: the expected annual energy use in tce, more than 0 and at most {MaxEnergy:N0}, to 3 decimal places");
        }
        var excluded = read.IsValid && byYears ? ReadYears(read, form.ExcludedYears) : null;
        command = read.IsValid
            ? new RecordCircumstance(jurisdiction, year, code.Code, kind, byMonths ? form.Months : null, byEnergy ? form.Energy : null, reference, excluded)
            : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <summary>The most historical years one record may list (a bound against typing errors; the plan's limit is checked on deciding).</summary>
    public const int MaxListedYears = 10;

    /// <summary>The years a historical year may be (a bound against typing errors).</summary>
    public const int FirstHistoryYear = 1990, LastHistoryYear = 2100;

    private static List<int> ReadYears(FieldReader read, string? text)
    {
        var parts = FieldReader.Text(text).Split([',', '，', '、', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        var years = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
                || y is < FirstHistoryYear or > LastHistoryYear)
            {
                read.Fail("excludedYears", "Year", $"excludedYears: '{part}' is not a year (e.g. 2015)");
                return years;
            }
            years.Add(y);
        }
        if (years.Count == 0)
        {
            read.Fail("excludedYears", "Required", "excludedYears: name the historical years to leave out, e.g. 2015");
        }
        else if (years.Count > MaxListedYears)
        {
            read.FailOf("excludedYears", "Length", $"excludedYears: at most {MaxListedYears} years, not {years.Count}");
        }
        return [.. years.Distinct().Order()];
    }

    /// <inheritdoc/>
    public async Task<AllocationDecision> DecideAsync(AllocationWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.Session.Organisations.FindByCodeAsync(Organisation).ConfigureAwait(false) is not { } organisation)
        {
            return new AllocationDecision.Refuse("UnknownOrganisation", "organisation", $"organisation: no organisation {Organisation.Value}",
                RefusalKind.Conflict);
        }
        if (organisation.Kind != OrganisationKind.Company)
        {
            // A verifier, an investor or the regulator is allocated nothing: a circumstance of theirs would change no allocation.
            return new AllocationDecision.Refuse("NotCovered", "organisation",
                $"organisation: {organisation.Name} ({Organisation.Value}) is not a covered company, so it has no allocation to adjust", RefusalKind.Conflict);
        }
        if (await AllocationQueries.ApprovedVersionAsync(work.Session, Jurisdiction, Year).ConfigureAwait(false) is null)
        {
            // Every kind, not only an excluded history year: a circumstance for a jurisdiction or a year no plan governs
            // (narnia, 9999) would be read by no allocation.
            return new AllocationDecision.Refuse("NoApprovedPlan", "year",
                $"no approved plan governs {Jurisdiction} {Year}: approve one first", RefusalKind.Conflict);
        }
        var done = await work.Session.Allocation.FindAllocationsAsync(Jurisdiction, Year, Organisation.Value).ConfigureAwait(false);
        if (done.Any(r => r.Stage == AllocationStage.Final))
        {
            return AllocationDecision.Refuse.Of("TrueUpDone", "organisation",
                $"the {Year} true-up of {Organisation.Value} is done; a circumstance recorded now would not change it", RefusalKind.Conflict);
        }
        if (Kind == CircumstanceKind.HistoryExclusion && await CheckExclusionAsync(work).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }
        var circumstance = new SpecialCircumstance(Jurisdiction, Year, Organisation.Value, Kind, Months, Energy, Reference, work.Now,
            work.Actor.UserName, ExcludedYears);
        return new AllocationDecision.Write("allocation.circumstance.recorded", $"{Jurisdiction}/{Year}/{Organisation.Value}", new
        {
            jurisdiction = Jurisdiction,
            year = Year,
            organisation = Organisation.Value,
            kind = Kind.ToString(),
            months = Months,
            energy = Energy,
            excludedYears = ExcludedYears,
            reference = Reference,
        })
        {
            Circumstance = circumstance,
        };
    }

    // The years must be the plan's historical years, no more of them than the plan allows.
    private async Task<AllocationDecision.Refuse?> CheckExclusionAsync(AllocationWork work)
    {
        var stored = (await AllocationQueries.ApprovedVersionAsync(work.Session, Jurisdiction, Year).ConfigureAwait(false))!;
        if (AllocationQueries.Read(stored).History is not { } history)
        {
            return new AllocationDecision.Refuse("NoHistoryBasis", "kind",
                $"plan '{stored.PlanId}' allocates by no historical years, so none can be excluded", RefusalKind.Conflict);
        }
        if (ExcludedYears!.FirstOrDefault(y => !history.Years.Contains(y)) is var other and not 0)
        {
            return AllocationDecision.Refuse.Of("NotAHistoryYear", "excludedYears",
                $"excludedYears: {other} is not one of the plan's historical years ({string.Join(", ", history.Years)})", RefusalKind.Malformed);
        }
        if (ExcludedYears!.Count > history.MaxExcludedYears)
        {
            return AllocationDecision.Refuse.Of("TooManyExclusions", "excludedYears",
                $"excludedYears: the plan allows {history.MaxExcludedYears} excluded year(s), not {ExcludedYears.Count}", RefusalKind.Malformed);
        }
        return null;
    }
}
