using OpenEts.Application.DualControl.Targets;
using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Server.Api;

/// <summary>What the energy targets API answers: codes as strings, tce and 万元 as decimals, levels and grades by name.</summary>
internal static class EnergyTargetsViews
{
    public sealed record PlanView(int Version, DateTimeOffset AdoptedAt, string AdoptedBy, PlanDocument Plan);

    public sealed record StatisticView(string Region, int Year, int Month, int Months, decimal EnergyTce, decimal OutputWanYuan);

    public sealed record RatingView(decimal? Target, decimal? Actual, decimal? Shortfall, decimal? ShortfallPercentOfTarget, string Level, string? Exemption);

    public sealed record WarningView(string Unit, string Name, string Kind, string? Parent, string Overall, RatingView Intensity, RatingView TotalEnergy);

    public sealed record WarningTableView(string Period, int Year, int Months, IReadOnlyList<WarningView> Rows);

    public sealed record PollutantWarningView(string Unit, string Name, string Kind, string? Parent, string Pollutant, decimal BaselineTonnes,
        decimal CutPercent, decimal CapTonnes, RatingView Load, int Meters, int MonitoredUnits);

    public sealed record PollutantTableView(string Period, int Year, int Months, DateOnly From, DateOnly To, string Rule,
        IReadOnlyList<PollutantWarningView> Rows);

    public sealed record MeasureView(string Area, decimal Points, string Evidence);

    public sealed record AssessmentView(string Unit, string Name, string Kind, int Year, string Scheme, decimal TargetPercent, decimal? AchievedPercent,
        decimal? CompletionPercent, decimal TargetPoints, decimal Bonus, decimal MeasurePoints, decimal Total, string ScoreGrade, bool Vetoed, string Grade,
        IReadOnlyList<string> Consequences, IReadOnlyList<MeasureView> Measures);

    public sealed record AccountabilityView(string Unit, string Name, string Kind, int Year, decimal Total, string Grade, bool Vetoed, bool Praised,
        IReadOnlyList<string> Consequences);

    public sealed record KeyUserView(string Code, string Name, string City, long? OrganisationId, bool Added);

    public sealed record AnnualReportView(string KeyUser, int Year, decimal EnergyTce, decimal ValueAddedWanYuan);

    public sealed record ProgressView(KeyUserView User, int Year, decimal? BudgetTce, decimal? UsedTce, decimal? PercentOfBudget, string? Level);

    public sealed record LoadedView(int Rows, int Replaced);

    public static PlanView Plan(PlanVersion v) => new(v.Plan.Version, v.AdoptedAt, v.AdoptedBy, PlanDocument.From(v.Plan));

    public static StatisticView Statistic(EnergyStatistic s) => new(s.Region.Value, s.Year, s.FirstMonth, s.Months, s.Energy.Value, s.Output.WanYuan);

    public static RatingView Rating(IndicatorRating r) => new(r.Target, r.Actual, r.Shortfall, r.ShortfallPercentOfTarget, r.Level.ToString(), r.Exemption);

    public static WarningView Warning(UnitWarning w) => new(w.Unit.Value, w.Name, w.Kind.ToString(), w.Parent?.Value, w.Overall.ToString(),
        Rating(w.Intensity), Rating(w.TotalEnergy));

    public static WarningTableView Table(WarningTable t) => new(t.Period.ToString(), t.Period.Year, t.Period.Months, [.. t.Rows.Select(Warning)]);

    public static PollutantTableView Pollutants(PollutantTable t) => new(t.Period.ToString(), t.Period.Year, t.Period.Months, t.From, t.To,
        PollutantWarning.Unconfirmed, [.. t.Rows.Select(r => new PollutantWarningView(r.Unit.Value, r.Name, r.Kind.ToString(), r.Parent?.Value,
            r.Target.Pollutant, r.Target.BaselineTonnes, r.Target.CutPercent, r.Target.CapTonnes, Rating(r.Rating), r.Meters, r.MonitoredUnits))]);

    public static AssessmentView Assessment(AssessmentRecord a) => new(a.Unit.Value, a.UnitName, a.Kind.ToString(), a.Year, a.Scheme, a.TargetPercent,
        a.AchievedPercent, a.Result.CompletionPercent, a.Result.TargetPoints, a.Result.Bonus, a.Result.MeasurePoints, a.Result.Total,
        a.Result.ScoreGrade.ToString(), a.Result.Vetoed, a.Result.Grade.ToString(), a.Result.Consequences,
        [.. a.Measures.Select(m => new MeasureView(m.Area, m.Points, m.Evidence))]);

    public static AccountabilityView Accountability(AccountabilityRow r) => new(r.Unit.Value, r.Name, r.Kind.ToString(), r.Year, r.Total,
        r.Grade.ToString(), r.Vetoed, r.Praised, r.Consequences);

    public static KeyUserView KeyUser(KeyEnergyUser u) => new(u.Code.Value, u.Name, u.City.Value, u.OrganisationId, u.Added);

    public static AnnualReportView Report(AnnualEnergyReport r) => new(r.KeyUser.Value, r.Year, r.Energy.Value, r.ValueAdded.WanYuan);

    public static ProgressView Progress(KeyUserProgress p) => new(KeyUser(p.User), p.Year, p.Budget?.Value, p.Used?.Value, p.PercentOfBudget,
        p.Warning?.Overall.ToString());
}
