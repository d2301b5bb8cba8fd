using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Offsets;

/// <summary>
/// The owner files a monitoring report (监测报告) of a registered project for a period within one calendar year (the
/// credits' vintage) inside the crediting period, not overlapping another report: a forestry methodology states the
/// area, growth and parameters (the claim is computed), any other methodology states the reductions claimed. A returned
/// report is filed again with its id.
/// </summary>
public sealed record SubmitMonitoringReport(
    long Project, DateOnly PeriodStart, DateOnly PeriodEnd, decimal? Claimed, ForestryInput? Forestry, long? Report = null) : IOffsetsCommand
{
    /// <summary>
    /// Set by carbon inclusion's aggregation (never from a form): the report is verified on a sample of its events only.
    /// </summary>
    internal bool SampleRequired { get; init; }

    /// <summary>
    /// The first forestry field the form stated (species, area, growth, baseline, leakage, a parameter or its evidence), or
    /// null: a methodology that is not forestry refuses it rather than ignore it.
    /// </summary>
    public string? ForestryField { get; init; }

    /// <summary>
    /// The request as typed. <c>Claimed</c> (tCO2e) for a non-forestry methodology; for forestry <c>Species</c>,
    /// <c>AreaHectares</c>, <c>GrowthPerHectare</c> (m³/ha over the period), <c>BaselineTonnes</c>, <c>LeakageTonnes</c>,
    /// and optionally measured <c>ExpansionFactor</c>, <c>RootToShoot</c>, <c>WoodDensity</c>, <c>CarbonFraction</c> with their
    /// <c>Evidence</c> (the species' defaults otherwise).
    /// </summary>
    public sealed record Form(
        long? Project, string? PeriodStart, string? PeriodEnd, decimal? Claimed = null, string? Species = null, decimal? AreaHectares = null,
        decimal? GrowthPerHectare = null, decimal? BaselineTonnes = null, decimal? LeakageTonnes = null, decimal? ExpansionFactor = null,
        decimal? RootToShoot = null, decimal? WoodDensity = null, decimal? CarbonFraction = null, string? Evidence = null, long? Report = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => OffsetsRoles.Owner;

    public static bool TryParse(Form form, [NotNullWhen(true)] out SubmitMonitoringReport? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var project = read.Id(form.Project, "project");
        var start = read.Date(form.PeriodStart, "periodStart");
        var end = read.Date(form.PeriodEnd, "periodEnd");
        if (read.IsValid && (end < start || end.Year != start.Year))
        {
            read.Fail("periodEnd", "Period", "a monitoring period ends on or after its start, in the same year (one vintage)");
        }
        decimal? claimed = form.Claimed is null ? null : read.Number(form.Claimed, "claimed", 0.001m, OffsetsFields.MaxTonnes);
        if (claimed is { } c && decimal.Round(c, Tonnes.Scale) != c)
        {
            read.Fail("claimed", "Precision", "claimed tonnes have at most 3 decimals (1 kg)");
        }
        // A claim with no species reads as a report of another methodology: its project's methodology then names any
        // forestry field stated with it (NotForestryMethodology), rather than the species it lacks.
        var forestry = claimed is not null && form.Species is null ? null : ReadForestry(read, form);
        if (form.Report is { } r && r <= 0)
        {
            read.Fail("report", "Required", "report: a number ≥ 1");
        }
        command = read.IsValid ? new SubmitMonitoringReport(project, start, end, claimed, forestry, form.Report) { ForestryField = FirstForestryField(form) } : null;
        errors = read.Errors;
        return command is not null;
    }

    private static string? FirstForestryField(Form form) =>
        new (string Field, object? Value)[]
        {
            ("species", form.Species), ("areaHectares", form.AreaHectares), ("growthPerHectare", form.GrowthPerHectare),
            ("baselineTonnes", form.BaselineTonnes), ("leakageTonnes", form.LeakageTonnes), ("expansionFactor", form.ExpansionFactor),
            ("rootToShoot", form.RootToShoot), ("woodDensity", form.WoodDensity), ("carbonFraction", form.CarbonFraction),
            ("evidence", string.IsNullOrWhiteSpace(form.Evidence) ? null : form.Evidence),
        }.FirstOrDefault(f => f.Value is not null).Field;

    private static ForestryInput? ReadForestry(FieldReader read, Form form)
    {
        if (form.Species is null && form.AreaHectares is null && form.GrowthPerHectare is null)
        {
            return null;
        }
        var species = ForestrySpecies.Find(form.Species);
        if (species is null)
        {
            read.Fail("species", "UnknownValue", $"species must be one of: {string.Join(", ", ForestrySpecies.All.Select(s => s.Code))}",
                FieldReader.Text(form.Species), [.. ForestrySpecies.All.Select(s => s.Code)]);
            return null;
        }
        var area = read.Number(form.AreaHectares, "areaHectares", 0.0001m, 10_000_000m);
        var growth = read.Number(form.GrowthPerHectare, "growthPerHectare", 0, 10_000m);
        var baseline = read.Number(form.BaselineTonnes ?? 0, "baselineTonnes", 0, OffsetsFields.MaxTonnes);
        var leakage = read.Number(form.LeakageTonnes ?? 0, "leakageTonnes", 0, OffsetsFields.MaxTonnes);
        // Tonnes are exact to 1 kg, as the claim is: 0.0001 t of baseline was kept as typed before.
        foreach (var (tonnes, field) in new[] { (baseline, "baselineTonnes"), (leakage, "leakageTonnes") })
        {
            if (decimal.Round(tonnes, Tonnes.Scale) != tonnes)
            {
                read.Fail(field, "Precision", $"{field} has at most 3 decimals (1 kg)");
            }
        }
        var measured = form.ExpansionFactor ?? form.RootToShoot ?? form.WoodDensity ?? form.CarbonFraction;
        var evidence = read.Support(form.Evidence, "evidence", measured is not null,
            ("EvidenceRequired", "a measured parameter names its evidence (sample plots, laboratory report)"),
            ("EvidenceWithoutMeasurement",
                "evidence supports a measured parameter: state the expansionFactor, rootToShoot, woodDensity or carbonFraction measured, or leave the evidence empty"));
        ForestryParameter Pick(decimal? value, ForestryParameter fallback) =>
            value is { } v ? ForestryParameter.Measured(v, evidence) : fallback;
        var input = new ForestryInput(area, growth, Pick(form.ExpansionFactor, species.ExpansionFactor), Pick(form.RootToShoot, species.RootToShoot),
            Pick(form.WoodDensity, species.WoodDensity), Pick(form.CarbonFraction, species.CarbonFraction), baseline, leakage, species.Code);
        if (read.IsValid)
        {
            foreach (var (field, message) in ForestryCalculator.Check(input))
            {
                read.Fail(field, "Forestry", message);
            }
        }
        return input;
    }

    /// <inheritdoc/>
    public async Task<OffsetsDecision> DecideAsync(OffsetsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (project, programme, refusal) = await work.ProjectAsync(Project).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!work.IsOwner(project!))
        {
            return OffsetsWork.NotOwner(project!);
        }
        if (project!.Status != ProjectStatus.Registered)
        {
            return OffsetsWork.WrongStep(project, "monitored", [ProjectStatus.Registered]);
        }
        var today = DateOnly.FromDateTime(work.Now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        if (PeriodEnd > today)
        {
            // A monitoring report states what was monitored: a period not yet over has no reductions to verify or issue.
            return new OffsetsDecision.Refuse("PeriodInFuture", "periodEnd",
                $"periodEnd: {PeriodEnd:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}): a period is reported once it is over", RefusalKind.Conflict);
        }
        var methodology = programme!.FindMethodology(project.Details.Methodology)
            ?? throw new InvalidOperationException($"{project.Reference} names methodology {project.Details.Methodology}, which its programme does not accept");
        if (!project.Details.CoversYear(PeriodStart.Year) || PeriodStart < project.Details.CreditingStart || PeriodEnd > project.Details.CreditingEnd)
        {
            return new OffsetsDecision.Refuse("OutsideCreditingPeriod", "periodStart",
                $"the period lies within the crediting period {project.Details.CreditingStart:yyyy-MM-dd} – {project.Details.CreditingEnd:yyyy-MM-dd}",
                RefusalKind.Conflict);
        }
        Tonnes claimed;
        if (methodology.Kind == MethodologyKind.ForestrySink)
        {
            if (Claimed is not null)
            {
                // The claim of a forestry report is computed: a stated one was dropped unsaid, and the owner believed it filed.
                return new OffsetsDecision.Fail([new FieldError("claimed", "ClaimComputed",
                    $"{methodology.Id} is a forestry methodology: the claim is computed from species, areaHectares and growthPerHectare; leave claimed empty")]);
            }
            if (Forestry is null)
            {
                return new OffsetsDecision.Fail([new FieldError("areaHectares", "Required",
                    $"{methodology.Id} is a forestry methodology: state species, areaHectares and growthPerHectare")]);
            }
            claimed = ForestryCalculator.Compute(Forestry, BufferOf(methodology)).Net;
        }
        else
        {
            if (ForestryField is { } field)
            {
                return new OffsetsDecision.Fail([new FieldError(field, "NotForestryMethodology",
                    $"{methodology.Id} is not a forestry methodology: {field} does not apply; state the reductions claimed only")]);
            }
            if (Claimed is not { } c)
            {
                return new OffsetsDecision.Fail([new FieldError("claimed", "Required", $"{methodology.Id}: state the reductions claimed (tCO2e)")]);
            }
            claimed = Tonnes.From(c);
        }
        var reports = await work.Session.Offsets.ReportsAsync(project.Id).ConfigureAwait(false);
        if (reports.FirstOrDefault(r => r.Id != (Report ?? 0) && r.PeriodStart <= PeriodEnd && PeriodStart <= r.PeriodEnd) is { } overlap)
        {
            return new OffsetsDecision.Refuse("PeriodOverlaps", "periodStart",
                $"monitoring report {overlap.Id} covers {overlap.PeriodStart:yyyy-MM-dd} – {overlap.PeriodEnd:yyyy-MM-dd}", RefusalKind.Conflict);
        }
        MonitoringReport report;
        if (Report is { } id)
        {
            var existing = reports.FirstOrDefault(r => r.Id == id);
            if (existing is null)
            {
                return new OffsetsDecision.Missing();
            }
            if (existing.Status != MonitoringStatus.Returned)
            {
                return OffsetsWork.WrongStep(existing, "filed again", [MonitoringStatus.Returned]);
            }
            report = existing with
            {
                PeriodStart = PeriodStart, PeriodEnd = PeriodEnd, Status = MonitoringStatus.Submitted, Claimed = claimed,
                Forestry = methodology.Kind == MethodologyKind.ForestrySink ? Forestry : null, ReturnComment = null, ReturnedBy = null,
            };
        }
        else
        {
            report = new MonitoringReport(0, project.Id, PeriodStart, PeriodEnd, MonitoringStatus.Submitted, claimed,
                methodology.Kind == MethodologyKind.ForestrySink ? Forestry : null, work.Now) { SampleRequired = SampleRequired };
        }
        return work.Write(project, Report, "report.submitted", "", new
        {
            periodStart = PeriodStart,
            periodEnd = PeriodEnd,
            claimedTonnes = claimed.Value,
            forestry = report.Forestry,
            unconfirmed = report.Forestry?.Unconfirmed,
        }) with { Report = report };
    }

    /// <summary>The methodology's buffer as the registry withholds it.</summary>
    public static BufferShare BufferOf(Methodology methodology)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        if (methodology.BufferPercent == 0)
        {
            return default;
        }
        return BufferShare.TryOfPercent(methodology.BufferPercent, out var share, out var reason)
            ? share
            : throw new InvalidOperationException($"{methodology.Id}: {reason}");
    }
}
