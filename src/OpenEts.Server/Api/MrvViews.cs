using OpenEts.Application.Mrv;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Server.Api;

/// <summary>MRV's JSON answers: reports, calculations with every figure's derivation, approved totals.</summary>
internal static class MrvViews
{
    public sealed record FigureView(string Name, decimal Value, [property: ApiEnum(typeof(MeasureUnit))] string Unit, string Source, bool Unconfirmed, string? Detail,
        IReadOnlyList<FigureView>? Inputs);

    public sealed record LineEmissionView(string LineId, [property: ApiEnum(typeof(SourceKind))] string Kind, decimal Emissions, bool Unconfirmed, FigureView Derivation);

    /// <param name="LineIndex">The position (from 0) in the request's lines of the line the issue is about, or null for the report as a whole: two lines that share an id are told apart by it.</param>
    public sealed record IssueView(string? LineId, string Field, string Rule, [property: ApiEnum(typeof(IssueSeverity))] string Severity, string Message, string Key,
        int? LineIndex);

    /// <param name="Total">The exact sum, tCO2.</param>
    /// <param name="TotalTonnes">The total rounded for the report (1 kg; a net export counts as zero).</param>
    public sealed record CalculationView(decimal Total, decimal TotalTonnes, bool Unconfirmed, string FactorVersion, bool Valid,
        IReadOnlyList<LineEmissionView> Lines, IReadOnlyList<IssueView> Issues);

    public sealed record ReportSummary(long Id, string Organisation, string Name, [property: ApiEnum(typeof(Sector))] string Sector, int Year,
        [property: ApiEnum(typeof(ReportStatus))] string Status, decimal ReportedTonnes,
        bool Late, string? Verifier, decimal? VerifiedTonnes, decimal? ApprovedTonnes);

    public sealed record VerificationView(IReadOnlyList<LineAdjustment> Adjustments, IReadOnlyList<WarningAcknowledgement> Acknowledgements,
        string Conclusion, decimal VerifiedTonnes, string FactorVersion, string Verifier, DateTimeOffset At, bool Late,
        IReadOnlyList<OutputAdjustment> OutputAdjustments, IReadOnlyList<ParameterAdjustment> ParameterAdjustments);

    public sealed record ReportView(ReportSummary Summary, string Region, string FactorVersion, DateTimeOffset? SubmittedAt,
        DateTimeOffset? ApprovedAt, string? ReturnComment, [property: ApiEnum(typeof(Role))] string? ReturnedBy, IReadOnlyList<MrvJson.LineJson> Lines,
        IReadOnlyList<MrvJson.OutputJson> Outputs, CalculationView Calculation, VerificationView? Verification,
        CalculationView? VerifiedCalculation, string? ReportsDue, string? VerificationDue);

    public sealed record ApprovedTotalView(string Organisation, string Name, [property: ApiEnum(typeof(Sector))] string Sector, int Year, decimal ApprovedTonnes);

    public sealed record DeadlineView(string Jurisdiction, int Year, string ReportsDue, string VerificationDue);

    public sealed record PlanView(int Year, IReadOnlyList<PlanSource> Sources, DateTimeOffset UpdatedAt);

    /// <summary>A default factor as the library holds it: value, unit, source and whether the source is confirmed.</summary>
    public sealed record FactorView(decimal Value, string Unit, string Source, bool Confirmed);

    public sealed record FuelFactorsView(string Code, string NameZh, string NameEn, string AmountUnit, FactorView Ncv, FactorView CarbonContent,
        FactorView Oxidation);

    public sealed record GridFactorView(int Year, string Region, FactorView Factor);

    public sealed record PublishedFactorsView(string Version, DateTimeOffset At, string By, string Notes, string Kind, string Target, int Year,
        decimal Value, string Source);

    public sealed record FactorsView(string Version, IReadOnlyList<FuelFactorsView> Fuels, IReadOnlyList<GridFactorView> Grid, FactorView? HeatFactor,
        IReadOnlyList<PublishedFactorsView> Published);

    /// <param name="OldTotal">tCO2 under the library in force (to 1 kg).</param>
    /// <param name="NewTotal">tCO2 under the corrected library (to 1 kg).</param>
    public sealed record ImpactView(long Report, string Organisation, string Name, int Year, [property: ApiEnum(typeof(ReportStatus))] string Status, decimal OldTotal, decimal NewTotal,
        decimal Change, decimal? ChangePercent);

    public static ImpactView Impact(CorrectionImpact i) => new(i.Report, i.Organisation, i.Name, i.Year, ApiDocument.EnumName(i.Status), i.OldTotal,
        i.NewTotal, i.Change, i.ChangePercent);

    public static FactorsView Factors((FactorLibrary Library, IReadOnlyList<PublishedFactors> Published) factors)
    {
        var (library, published) = factors;
        return new FactorsView(library.Version,
            [.. library.Fuels.Values.OrderBy(f => f.Code, StringComparer.Ordinal).Select(f => new FuelFactorsView(f.Code, f.NameZh, f.NameEn,
                MeasureUnits.Symbol(f.AmountUnit), Factor(f.Ncv), Factor(f.CarbonContent), Factor(f.Oxidation)))],
            [.. library.Grid.OrderBy(g => g.Year).ThenBy(g => g.Region, StringComparer.Ordinal).Select(g => new GridFactorView(g.Year, g.Region, Factor(g.Factor)))],
            library.HeatFactor is { } heat ? Factor(heat) : null,
            [.. published.Select(p => new PublishedFactorsView(p.Version, p.At, p.By, p.Notes, ApiDocument.EnumName(p.Correction.Kind),
                p.Correction.Target, p.Correction.Year, p.Correction.Value, p.Correction.Source))]);
    }

    /// <summary>A factor's value with its source in one line: the guideline, table and row of a default.</summary>
    public static FactorView Factor(Figure f) => f.Source is Provenance.Default d
        ? new FactorView(f.Value, MeasureUnits.Symbol(f.Unit), string.Join(" · ", new[] { d.Guideline, d.Table, d.Row }.Where(x => x.Length > 0)), d.Confirmed)
        : new FactorView(f.Value, MeasureUnits.Symbol(f.Unit), f.Source.ToString(), false);

    public static ReportSummary Summary(ReportRow row) => Summary(row.Report, row.Company.Code.Value, row.Company.Name, row.Verifier?.Code.Value);

    public static ReportSummary Summary(MrvReport r, string code, string name, string? verifier) => new(r.Id, code, name, ApiDocument.EnumName(r.Sector),
        r.Year, ApiDocument.EnumName(r.Status), r.Reported.Value, r.Late, verifier, r.Verification?.Verified.Value, r.Approved?.Value);

    public static ReportView Report(ReportDetail d)
    {
        var r = d.Report;
        return new ReportView(Summary(r, d.Company.Code.Value, d.Company.Name, d.Verifier?.Code.Value), r.Region, r.FactorVersion,
            r.SubmittedAt, r.ApprovedAt, r.ReturnComment, r.ReturnedBy is { } by ? ApiDocument.EnumName(by) : null, MrvJson.Lines(r.Lines), MrvJson.Outputs(r.Outputs),
            Calculation(d.Reported),
            r.Verification is { } v ? new VerificationView(v.Adjustments, v.Acknowledgements, v.Conclusion, v.Verified.Value, v.FactorVersion,
                v.Verifier, v.At, v.Late, v.OutputAdjustments, v.ParameterAdjustments) : null,
            d.Verified is { } verified ? Calculation(verified) : null,
            d.Deadline?.ReportsDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            d.Deadline?.VerificationDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static CalculationView Calculation(ReportCalculation c) => new(c.Total.Value, MrvReview.Total(c).Value,
        MrvReview.RestsOnUnconfirmed(c.Total), c.FactorLibraryVersion, c.IsValid,
        [.. c.Lines.Select(l => new LineEmissionView(l.LineId, ApiDocument.EnumName(l.Kind), l.Emissions.Value, MrvReview.RestsOnUnconfirmed(l.Emissions),
            Figure(l.Emissions)))],
        [.. c.Issues.Select(i => new IssueView(i.LineId, i.Field, i.Rule, ApiDocument.EnumName(i.Severity), i.Message, MrvReview.WarningKey(i), i.LineIndex))]);

    public static FigureView Figure(Figure f) => f.Source switch
    {
        Provenance.Default d => new(f.Name, f.Value, ApiDocument.EnumName(f.Unit), "default", !d.Confirmed, $"{d.Guideline}; {d.Table}; {d.Row}; {d.Year}", null),
        Provenance.Measured { AdjustedBy: { } by } m => new(f.Name, f.Value, ApiDocument.EnumName(f.Unit), "adjusted", false,
            $"{m.Evidence}; {m.Rule}; adjusted by {by}", null),
        Provenance.Measured m => new(f.Name, f.Value, ApiDocument.EnumName(f.Unit), "measured", false, $"{m.Evidence}; {m.Rule}", null),
        Provenance.Reported r => new(f.Name, f.Value, ApiDocument.EnumName(f.Unit), "reported", false, r.Where, null),
        Provenance.Computed c => new(f.Name, f.Value, ApiDocument.EnumName(f.Unit), "computed", MrvReview.RestsOnUnconfirmed(f), c.Formula,
            [.. c.Inputs.Select(Figure)]),
        _ => new(f.Name, f.Value, ApiDocument.EnumName(f.Unit), "unknown", false, null, null),
    };

    public static ApprovedTotalView Approved(ApprovedTotal t) => new(t.Organisation.Value, t.Name, ApiDocument.EnumName(t.Sector), t.Year, t.Approved.Value);
}
