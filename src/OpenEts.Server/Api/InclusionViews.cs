using OpenEts.Application.Forms;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Server.Api;

/// <summary>What the carbon-inclusion API returns: programmes with every number's source and flag, batch results, statements, aggregations.</summary>
internal static partial class InclusionViews
{
    public sealed record ValueView(string Name, decimal Value, string Unit, string Source, bool Confirmed);

    public sealed record MethodologyView(string Id, string Title, [property: ApiEnum(typeof(MethodologyFormula))] string Formula,
        IReadOnlyList<ValueView> Parameters, IReadOnlyDictionary<string, string> Design, string Source, bool Confirmed);

    public sealed record CoinRuleView([property: ApiEnum(typeof(CoinRuleKind))] string Kind, long Coins, decimal Per,
        [property: ApiEnum(typeof(CoinMeasure))] string Measure, string Source, bool Confirmed);

    public sealed record BehaviourView(string Behaviour, string Unit, MethodologyView Methodology, CoinRuleView Coins);

    public sealed record CapView([property: ApiEnum(typeof(CapScope))] string Scope, string? Behaviour, [property: ApiEnum(typeof(CapPeriod))] string Period,
        long? MaxActions, long? MaxCoins, string Source, bool Confirmed);

    public sealed record ItemView(string Code, string Name, long Coins, string Source, bool Confirmed);

    public sealed record ProgrammeView(string Id, string Code, string Version, string Name, string Region, string Operator, string ValidFrom,
        IReadOnlyList<BehaviourView> Behaviours, IReadOnlyList<CapView> Caps, int AvailableAfterDays, int? ExpiryDays, string TimingSource,
        bool TimingConfirmed, IReadOnlyList<ItemView> Catalogue, string? PhcerProject, string Source, IReadOnlyList<string> Unconfirmed);

    /// <summary>One action's answer; a refused one names its <c>rule</c> and the <c>field</c> the rule is about (null when none).</summary>
    public sealed record ActionResultView(int Index, string EventId, [property: ApiEnum(typeof(ActionStatus))] string Status, string? Rule,
        string? Message, decimal ReductionGrams, long Coins, long CoinsCut, string? Field);

    public sealed record RecordedView(int Counted, int Queued, int Duplicates, int Refused, decimal ReductionGrams, long Coins, IReadOnlyList<ActionResultView> Items);

    /// <summary>A day's row of one behaviour from one source; <c>coinsCut</c>: the coins a cap withheld from its actions.</summary>
    public sealed record DailyView(string Day, string Behaviour, string Source, long Actions, decimal ReductionGrams, long Coins, long CoinsCut);

    public sealed record WalletView(string Programme, string Name, long Spendable, long Pending, long Credited, long Redeemed, long Expired,
        decimal ReductionGrams, long Actions, IReadOnlyList<DailyView> Daily, long Donated);

    public sealed record EventView(string Source, string EventId, string Programme, string Behaviour, DateTimeOffset OccurredAt, decimal Quantity,
        decimal ReductionGrams, long Coins, string? Refusal);

    public sealed record RedemptionView(long Id, string Programme, string Item, long Coins, DateTimeOffset At, string Code);

    public sealed record StatementView(string User, string Today, IReadOnlyList<WalletView> Programmes, IReadOnlyList<EventView> Recent,
        IReadOnlyList<RedemptionView> Redemptions, IReadOnlyList<DonationView> Donations);

    public sealed record TotalView(string Behaviour, long Actions, decimal ReductionGrams, long Coins, long Citizens);

    public sealed record AggregationView(long Id, string Programme, string PeriodStart, string PeriodEnd, decimal ReductionGrams, long Actions,
        decimal ClaimedTonnes, string PhcerProject, long Report, DateTimeOffset At, string By);

    public static ProgrammeView Programme(InclusionProgramme p) => new(p.Id, p.Code, p.Version, p.Name, p.Region, p.Operator, FieldReader.DayText(p.ValidFrom),
        [.. p.Behaviours.Select(b => new BehaviourView(Behaviours.CodeOf(b.Behaviour), b.Methodology.UnitOf(b.Behaviour),
            new MethodologyView(b.Methodology.Id, b.Methodology.Title, ApiDocument.EnumName(b.Methodology.Formula),
                [.. b.Methodology.Parameters.Select(v => new ValueView(v.Name, v.Value, v.Unit, v.Source, v.Confirmed))],
                b.Methodology.Design.ToDictionary(kv => kv.Key, kv => kv.Value), b.Methodology.Source, b.Methodology.Confirmed),
            new CoinRuleView(ApiDocument.EnumName(b.Coins.Kind), b.Coins.Coins, b.Coins.Per, ApiDocument.EnumName(b.Coins.Measure), b.Coins.Source,
                b.Coins.Confirmed)))],
        [.. p.Caps.Select(c => new CapView(ApiDocument.EnumName(c.Scope), c.Behaviour is { } cb ? Behaviours.CodeOf(cb) : null,
            ApiDocument.EnumName(c.Period), c.MaxActions, c.MaxCoins, c.Source, c.Confirmed))],
        p.Timing.AvailableAfterDays, p.Timing.ExpiryDays, p.Timing.Source, p.Timing.Confirmed,
        [.. p.Catalogue.Select(i => new ItemView(i.Code, i.Name, i.Coins, i.Source, i.Confirmed))], p.PhcerProject, p.Source, [.. p.Unconfirmed()]);

    public static RecordedView Recorded(RecordedActions r) => new(r.Counted, r.Queued, r.Duplicates, r.Refused, r.Reduction.Grams, r.Coins,
        [.. r.Items.Select(i => new ActionResultView(i.Index, i.EventId, ApiDocument.EnumName(i.Status), i.Rule, i.Message, i.Reduction.Grams, i.Coins,
            i.CoinsCut, i.Field))]);

    public static StatementView Statement(CitizenStatement s) => new(s.UserName, FieldReader.DayText(s.Today),
        [.. s.Programmes.Select(p => new WalletView(p.Programme.Code, p.Programme.Name, p.Spendable, p.Pending, p.Credited, p.Redeemed, p.Expired,
            p.Reduction.Grams, p.Actions, [.. p.Daily.Select(d => new DailyView(FieldReader.DayText(d.Day), Behaviours.CodeOf(d.Behaviour), d.Source, d.Actions,
                d.Reduction.Grams, d.Coins, d.CoinsCut))], p.Donated))],
        [.. s.Recent.Select(e => new EventView(e.Source, e.EventId, e.Programme, Behaviours.CodeOf(e.Behaviour), e.OccurredAt, e.Quantity,
            e.Reduction.Grams, e.Coins, e.Refusal))],
        [.. s.Redemptions.Select(Redemption)],
        [.. s.Donations.Select(Donation)]);

    public static RedemptionView Redemption(CoinRedemption r) => new(r.Id, r.Programme, r.Item, r.Coins, r.At, r.Code);

    public static TotalView Total(BehaviourTotal t) => new(Behaviours.CodeOf(t.Behaviour), t.Actions, t.Reduction.Grams, t.Coins, t.Citizens);

    public static AggregationView Aggregation(InclusionAggregation a) => new(a.Id, a.Programme, FieldReader.DayText(a.PeriodStart), FieldReader.DayText(a.PeriodEnd),
        a.Reduction.Grams, a.Actions, a.ClaimedTonnes, a.PhcerProject, a.Report, a.At, a.By);
}
