using System.Globalization;
using OpenEts.Application.DualControl.Calculators;
using OpenEts.Application.DualControl.Cards;
using OpenEts.Application.Forms;
using OpenEts.Domain.DualControl.Calculators;
using OpenEts.Domain.DualControl.Cards;

namespace OpenEts.Server.Api;

/// <summary>What the polluter-card and calculator API returns: rules with every number's source, violations, cards, lists, recalculations.</summary>
internal static class EnergyCardsViews
{
    public sealed record NumberView(decimal Value, string Source, bool Confirmed);

    public sealed record TriggerView([property: ApiEnum(typeof(ViolationKind))] string Kind, [property: ApiEnum(typeof(CardColour))] string Colour,
        decimal? FineFromYuan, decimal? FineBelowYuan, string Source, bool Confirmed);

    public sealed record RulesView(string Id, string Code, string Version, string Name, string Jurisdiction, string ValidFrom, string Source, bool Confirmed,
        IReadOnlyList<TriggerView> Triggers, NumberView RectificationDays, NumberView YellowEscalates, NumberView ListWithinMonths,
        NumberView SupervisionQuarters, NumberView SeriousExceedance, IReadOnlyList<string> CreditGrades, string CreditGradesSource, NumberView LevelsPerCard);

    public sealed record ViolationView(long Id, string Organisation, string OrganisationName, string Rules, [property: ApiEnum(typeof(ViolationKind))] string Kind,
        string ObservedOn, string? Parameter, decimal? Measured, decimal? Limit, string? Unit, decimal? FineYuan, bool Serious, string Evidence,
        DateTimeOffset RecordedAt, string RecordedBy);

    public sealed record CardView(long Id, long Violation, string Organisation, string OrganisationName, string Rules,
        [property: ApiEnum(typeof(CardColour))] string Colour, [property: ApiEnum(typeof(CardStatus))] string Status, string Trigger, DateTimeOffset ProposedAt,
        string? ConfirmedOn, string? ConfirmedBy, string? ConfirmEvidence, string? Deadline, string? EndedOn, string? EndedBy, string? EndEvidence,
        long? EscalatedFrom);

    public sealed record RecordedView(ViolationView Violation, CardView? Proposed);

    public sealed record ProposalsView(string From, string To, IReadOnlyList<RecordedView> Proposed, int Skipped);

    public sealed record ListRowView(string Organisation, string OrganisationName, long Card, [property: ApiEnum(typeof(CardColour))] string Colour,
        string ConfirmedOn, bool InForceAtEnd, string Trigger);

    public sealed record SupervisedView(string Organisation, string OrganisationName);

    public sealed record ListView(string Jurisdiction, string Quarter, string Due, bool Published, bool Late, DateTimeOffset? PublishedAt, string? PublishedBy,
        IReadOnlyList<ListRowView> Rows, IReadOnlyList<SupervisedView> Supervised);

    public sealed record CompanyView(string Organisation, string OrganisationName, string CreditGrade, int CardsThisYear, IReadOnlyList<string> SupervisedQuarters,
        IReadOnlyList<ViolationView> Violations, IReadOnlyList<CardView> Cards);

    public sealed record InputView(string Code, decimal Value, string Unit, string Source, bool Confirmed);

    public sealed record StepView(string Name, string Arithmetic, decimal Value, string Unit);

    public sealed record SccView(string Code, string Name, decimal UsdPerTonne, string Basis, string Source, bool Confirmed);

    public sealed record RecalculationView(string Calculator, IReadOnlyList<InputView> Inputs, IReadOnlyList<StepView> Steps, decimal ComputedTonnes,
        decimal? ClaimedTonnes, decimal? Difference, [property: ApiEnum(typeof(ClaimCheck))] string Check, bool Flagged, string CheckArithmetic,
        decimal Tolerance, SccView Scc, decimal MonetisedUsd, string MonetisedArithmetic);

    private static string? OptionalDay(DateOnly? d) => d is { } v ? FieldReader.DayText(v) : null;

    private static NumberView Number(RuleNumber n) => new(n.Value, n.Source, n.Confirmed);

    public static RulesView Rules(CardRules r) => new(r.Id, r.Code, r.Version, r.Name, r.Jurisdiction, FieldReader.DayText(r.ValidFrom), r.Source, r.Confirmed,
        [.. r.Triggers.Select(t => new TriggerView(ApiDocument.EnumName(t.Kind), ApiDocument.EnumName(t.Colour), t.FineFromYuan, t.FineBelowYuan, t.Source,
            t.Confirmed))],
        Number(r.RectificationDays), Number(r.YellowEscalates), Number(r.ListWithinMonths), Number(r.SupervisionQuarters), Number(r.SeriousExceedance),
        r.CreditGrades, r.CreditGradesSource, Number(r.LevelsPerCard));

    public static ViolationView Violation(ViolationRecord v) => new(v.Id, v.OrganisationCode, v.OrganisationName, v.Rules, ApiDocument.EnumName(v.Kind),
        FieldReader.DayText(v.ObservedOn), v.Parameter, v.Measured, v.Limit, v.Unit, v.FineYuan, v.Serious, v.Evidence, v.RecordedAt, v.RecordedBy);

    public static CardView Card(CardRecord c) => new(c.Id, c.Violation, c.OrganisationCode, c.OrganisationName, c.Rules, ApiDocument.EnumName(c.Colour),
        ApiDocument.EnumName(c.Status), c.Trigger, c.ProposedAt, OptionalDay(c.ConfirmedOn), c.ConfirmedBy, c.ConfirmEvidence, OptionalDay(c.Deadline), OptionalDay(c.EndedOn),
        c.EndedBy, c.EndEvidence, c.EscalatedFrom);

    public static RecordedView Recorded(RecordedViolation r) => new(Violation(r.Violation), r.Proposed is { } p ? Card(p) : null);

    public static ProposalsView Proposals(MonitoringProposals p) => new(FieldReader.DayText(p.From), FieldReader.DayText(p.To), [.. p.Proposed.Select(Recorded)], p.Skipped);

    public static ListView List(CardList l) => new(l.Jurisdiction, l.Quarter.ToString(), FieldReader.DayText(l.Due), l.Published, l.Late, l.PublishedAt, l.PublishedBy,
        [.. l.Rows.Select(r => new ListRowView(r.OrganisationCode, r.OrganisationName, r.Card, ApiDocument.EnumName(r.Colour), FieldReader.DayText(r.ConfirmedOn),
            r.InForceAtEnd, r.Trigger))],
        [.. l.Supervised.Select(s => new SupervisedView(s.OrganisationCode, s.OrganisationName))]);

    public static CompanyView Company(CompanyCards c) => new(c.OrganisationCode, c.OrganisationName, c.CreditGrade, c.CardsThisYear, c.SupervisedQuarters,
        [.. c.Violations.Select(Violation)], [.. c.Cards.Select(Card)]);

    public static SccView Scc(SocialCostOfCarbon s) => new(s.Code, s.Name, s.UsdPerTonne, s.Basis, s.Source, s.Confirmed);

    public static RecalculationView Recalculation(CheckedReduction c)
    {
        var r = c.Recalculation;
        return new(r.Calculator, [.. r.Inputs.Select(i => new InputView(i.Code, i.Value, i.Unit, i.Source, i.Confirmed))],
            [.. r.Steps.Select(s => new StepView(s.Name, s.Arithmetic, s.Value, s.Unit))], r.ComputedTonnes, r.ClaimedTonnes, r.Difference,
            ApiDocument.EnumName(r.Check), r.Flagged, r.CheckArithmetic, Calc.Tolerance, Scc(c.Scc), c.MonetisedUsd, c.MonetisedArithmetic);
    }
}
