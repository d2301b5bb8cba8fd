using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>
/// The regulator records a special circumstance of an entity's year (guangdong.md §1.2 art. 14–15: a closure, a
/// stoppage, a new entrant, added capacity) with the reference it rests on, before the year's true-up, which then
/// allocates by it; journalled as <c>allocation.circumstance.recorded</c>. A second record of the same kind replaces the
/// first. After the entity's true-up it is refused (<c>TrueUpDone</c>): the run would not move it again.
/// </summary>
public sealed record RecordCircumstance(string Jurisdiction, int Year, CreditCode Organisation, CircumstanceKind Kind, int? Months,
    decimal? Energy, string Reference) : IAllocationCommand
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(string? Jurisdiction, int? Year, string? Organisation, string? Kind, int? Months, decimal? Energy, string? Reference);

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
        if (read.IsValid && byMonths && form.Months is not (>= 1 and <= 12))
        {
            read.Fail("months", "MonthsRange", "months: the abnormal months, 1 to 12");
        }
        if (read.IsValid && !byMonths && (form.Energy is not (> 0m and <= MaxEnergy) || decimal.Round(form.Energy.Value, 3) != form.Energy))
        {
            read.Fail("energy", "EnergyRange", $"energy: the expected annual energy use in tce, more than 0 and at most {MaxEnergy:N0}, to 3 decimal places");
        }
        command = read.IsValid
            ? new RecordCircumstance(jurisdiction, year, code.Code, kind, byMonths ? form.Months : null, byMonths ? null : form.Energy, reference)
            : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<AllocationDecision> DecideAsync(AllocationWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.Session.Organisations.FindByCodeAsync(Organisation).ConfigureAwait(false) is null)
        {
            return new AllocationDecision.Refuse("UnknownOrganisation", "organisation", $"organisation: no organisation {Organisation.Value}",
                RefusalKind.Conflict);
        }
        var done = await work.Session.Allocation.FindAllocationsAsync(Jurisdiction, Year, Organisation.Value).ConfigureAwait(false);
        if (done.Any(r => r.Stage == AllocationStage.Final))
        {
            return new AllocationDecision.Refuse("TrueUpDone", "organisation",
                $"the {Year} true-up of {Organisation.Value} is done; a circumstance recorded now would not change it", RefusalKind.Conflict);
        }
        var circumstance = new SpecialCircumstance(Jurisdiction, Year, Organisation.Value, Kind, Months, Energy, Reference, work.Now,
            work.Actor.UserName);
        return new AllocationDecision.Write("allocation.circumstance.recorded", $"{Jurisdiction}/{Year}/{Organisation.Value}", new
        {
            jurisdiction = Jurisdiction,
            year = Year,
            organisation = Organisation.Value,
            kind = Kind.ToString(),
            months = Months,
            energy = Energy,
            reference = Reference,
        })
        {
            Circumstance = circumstance,
        };
    }
}
