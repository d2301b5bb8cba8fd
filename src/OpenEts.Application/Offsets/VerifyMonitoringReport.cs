using System.Globalization;
using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;

namespace OpenEts.Application.Offsets;

/// <summary>
/// The programme's verifier verifies a submitted monitoring report (核证) with an opinion. A forestry report is
/// recomputed, with the area, growth and species parameters (BEF, R, D, CF) the verifier restates where they differ
/// from the owner's, a restated parameter with the verifier's basis; any other report is verified at the tonnes the
/// verifier states (the claim when none is stated). Never more than the claim: stated
/// tonnes above it are refused (<c>AboveClaim</c>), and a forestry recomputation above it is capped at it. Whole tonnes
/// are verified: the exact figure rounded down. A negative opinion is a return (<see cref="ReturnMonitoringReport"/>).
/// </summary>
public sealed record VerifyMonitoringReport(long Report, string Opinion, decimal? VerifiedTonnes, decimal? AreaHectares, decimal? GrowthPerHectare,
    RestatedParameters? Parameters = null)
    : IOffsetsCommand
{
    /// <summary>Set by carbon inclusion once the aggregation's sample is checked (never from a form).</summary>
    internal bool SampleChecked { get; init; }

    /// <summary>
    /// The request as typed: for a forestry report the restated <c>AreaHectares</c>, <c>GrowthPerHectare</c> and
    /// parameters (<c>ExpansionFactor</c>, <c>RootToShoot</c>, <c>WoodDensity</c>, <c>CarbonFraction</c>) with the
    /// verifier's <c>Basis</c> for them; for any other report the <c>VerifiedTonnes</c>.
    /// </summary>
    public sealed record Form(long? Report, string? Opinion, decimal? VerifiedTonnes = null, decimal? AreaHectares = null, decimal? GrowthPerHectare = null,
        decimal? ExpansionFactor = null, decimal? RootToShoot = null, decimal? WoodDensity = null, decimal? CarbonFraction = null, string? Basis = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => OffsetsRoles.Validators;

    public static bool TryParse(Form form, [NotNullWhen(true)] out VerifyMonitoringReport? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var report = read.Id(form.Report, "report");
        var opinion = read.Words(form.Opinion, "opinion", OffsetsFields.LongText);
        var verified = form.VerifiedTonnes is null ? (decimal?)null : read.Number(form.VerifiedTonnes, "verifiedTonnes", 0, OffsetsFields.MaxTonnes);
        var area = form.AreaHectares is null ? (decimal?)null : read.Number(form.AreaHectares, "areaHectares", 0.0001m, 10_000_000m);
        var growth = form.GrowthPerHectare is null ? (decimal?)null : read.Number(form.GrowthPerHectare, "growthPerHectare", 0, 10_000m);
        var restated = form.ExpansionFactor ?? form.RootToShoot ?? form.WoodDensity ?? form.CarbonFraction;
        var basis = read.Support(form.Basis, "restatedBasis", restated is not null,
            ("BasisRequired", "a restated parameter names the verifier's basis (sample plots re-measured, the laboratory report checked)"),
            ("BasisWithoutRestatement",
                "the basis supports a restated parameter: state the expansionFactor, rootToShoot, woodDensity or carbonFraction found, or leave the basis empty"));
        var parameters = restated is null ? null
            : new RestatedParameters(form.ExpansionFactor, form.RootToShoot, form.WoodDensity, form.CarbonFraction, basis);
        command = read.IsValid ? new VerifyMonitoringReport(report, opinion, verified, area, growth, parameters) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<OffsetsDecision> DecideAsync(OffsetsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (report, project, programme, refusal) = await work.ReportAsync(Report).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }
        if (report!.Status != MonitoringStatus.Submitted)
        {
            return OffsetsWork.WrongStep(report, "verified", [MonitoringStatus.Submitted]);
        }
        if (report.SampleRequired && !SampleChecked)
        {
            return new OffsetsDecision.Refuse("SampleNotChecked", "report",
                $"monitoring report {report.Id} aggregates citizens' reductions: it is verified on a checked sample of its events (/Inclusion/Sample)",
                RefusalKind.Conflict);
        }
        if (programme!.Validator != work.Actor.Role)
        {
            return OffsetsWork.NotProgrammeRole(programme, programme.Validator, "verification");
        }
        var methodology = programme.FindMethodology(project!.Details.Methodology)!;
        long verified;
        var claimCeiling = (long)decimal.Floor(report.Claimed.Value);
        var forestry = report.Forestry;
        object? derivation = null;
        if (forestry is null && (Parameters is not null || AreaHectares is not null || GrowthPerHectare is not null))
        {
            return new OffsetsDecision.Refuse("NotForestry", Parameters is not null ? "expansionFactor" : AreaHectares is not null ? "areaHectares" : "growthPerHectare",
                $"monitoring report {report.Id} states its reductions, not forestry parameters: restate verifiedTonnes instead",
                RefusalKind.Malformed);
        }
        if (forestry is not null && VerifiedTonnes is not null)
        {
            return new OffsetsDecision.Refuse("ForestryComputed", "verifiedTonnes",
                $"monitoring report {report.Id} is a forestry report: its tonnes are computed from the area and growth (restate areaHectares or growthPerHectare), not stated",
                RefusalKind.Malformed);
        }
        if (forestry is not null)
        {
            forestry = (Parameters?.ApplyTo(forestry) ?? forestry) with
            {
                AreaHectares = AreaHectares ?? forestry.AreaHectares,
                GrowthPerHectare = GrowthPerHectare ?? forestry.GrowthPerHectare,
            };
            if (ForestryCalculator.Check(forestry) is { Count: > 0 } wrong)
            {
                return new OffsetsDecision.Fail([.. wrong.Select(w => new FieldError(w.Field, "Forestry", w.Message))]);
            }
            var result = ForestryCalculator.Compute(forestry, SubmitMonitoringReport.BufferOf(methodology));
            // Restated area or growth can recompute more than the owner claimed; what is verified never exceeds the
            // claim (the owner files a new claim for more), so the figure is capped there and the cap recorded.
            verified = Math.Min(result.Verified, claimCeiling);
            derivation = new
            {
                biomass = result.Biomass, grossTonnes = result.Gross.Value, netTonnes = result.Net.Value, verified = result.Verified,
                buffer = result.Buffer, toOwner = result.ToOwner, unconfirmed = forestry.Unconfirmed,
                cappedAtClaim = result.Verified > claimCeiling,
                restated = forestry.Restated().Select(r => new { parameter = r.Name, stated = report.Forestry!.ValueOf(r.Name), value = r.Value, basis = r.Basis }),
            };
        }
        else if (VerifiedTonnes is { } stated && stated > report.Claimed.Value)
        {
            return new OffsetsDecision.Refuse("AboveClaim", "verifiedTonnes",
                string.Create(CultureInfo.InvariantCulture,
                    $"the verified reductions ({stated:0.###} t) may not exceed the {report.Claimed.Value:0.###} t claimed in monitoring report {report.Id}"),
                RefusalKind.Conflict);
        }
        else
        {
            verified = (long)decimal.Floor(VerifiedTonnes ?? report.Claimed.Value);
        }
        if (verified <= 0)
        {
            return new OffsetsDecision.Refuse("NothingToIssue", "verifiedTonnes", "the verified reductions are less than one tonne", RefusalKind.Conflict);
        }
        var done = report with
        {
            Status = MonitoringStatus.Verified, Verified = verified, Opinion = Opinion, VerifierOrganisationId = work.Actor.OrganisationId,
            Forestry = forestry,
        };
        return work.Write(project, report.Id, "report.verified", Opinion, new
        {
            claimedTonnes = report.Claimed.Value,
            verifiedTonnes = verified,
            derivation,
            opinion = Opinion,
        }) with { Report = done };
    }
}

/// <summary>
/// The species parameters a verifier found in place of the owner's (核证调整: re-measured plots, a laboratory report
/// checked, or the species' default where the owner's measurement is not supported), with the verifier's basis; a
/// parameter not restated stays as the owner stated it.
/// </summary>
public sealed record RestatedParameters(decimal? ExpansionFactor, decimal? RootToShoot, decimal? WoodDensity, decimal? CarbonFraction, string Basis)
{
    /// <summary><paramref name="input"/> with each restated parameter in place of the owner's.</summary>
    public ForestryInput ApplyTo(ForestryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ForestryParameter Pick(decimal? value, ForestryParameter owner) => value is { } v ? ForestryParameter.Restated(v, Basis) : owner;
        return input with
        {
            ExpansionFactor = Pick(ExpansionFactor, input.ExpansionFactor), RootToShoot = Pick(RootToShoot, input.RootToShoot),
            WoodDensity = Pick(WoodDensity, input.WoodDensity), CarbonFraction = Pick(CarbonFraction, input.CarbonFraction),
        };
    }
}
