using OpenEts.Domain.Inclusion;

namespace OpenEts.Domain.Tests.Inclusion;

/// <summary>Methodologies and a programme built in code with the reference's figures, for the pure tests.</summary>
internal static class InclusionSamples
{
    public static SourcedValue P(string name, decimal value, bool confirmed = true) => new(name, value, "", "test", confirmed);

    public static InclusionMethodology Method(MethodologyFormula formula, params SourcedValue[] parameters) =>
        new("TEST", "v1", "test", formula, parameters, [], "test");

    public static CoinRule Rule(CoinRuleKind kind, long coins, decimal per = 0, CoinMeasure measure = CoinMeasure.Quantity) =>
        new(kind, coins, per, measure, "test", true);

    public static Cap UserCap(Behaviour? behaviour, CapPeriod period, long? maxActions, long? maxCoins) =>
        new(CapScope.User, behaviour, period, maxActions, maxCoins, "test", true);

    /// <summary>
    /// A Fuzhou-2018-like programme (bus 1 coin a ride at Shenzhen's 26.9 g/pkm, steps ≥ 6000 → 1, booking 5 coins at 277 g)
    /// with caps: 1 walking coin a day, 3 bus rides a day, 8 coins a day in all, 5 bookings a month; coins spendable the next
    /// day and lapsing after 3 days (Ant Forest's 72 h).
    /// </summary>
    public static InclusionProgramme Programme(CoinTiming? timing = null) => new("test", "v1", "test", "", "", new DateOnly(2020, 1, 1),
        [
            new(Behaviour.Bus, Method(MethodologyFormula.Distance, P("netFactor", 26.9m)), Rule(CoinRuleKind.PerAction, 1)),
            new(Behaviour.Walk, Method(MethodologyFormula.Steps, P("gramsPerStep", 0.02m), P("maxGramsPerDay", 296m)),
                Rule(CoinRuleKind.Threshold, 1, 6000)),
            new(Behaviour.HospitalBooking, Method(MethodologyFormula.PerAction, P("gramsPerAction", 277m)), Rule(CoinRuleKind.PerAction, 5)),
        ],
        [
            UserCap(Behaviour.Walk, CapPeriod.Day, null, 1),
            UserCap(Behaviour.Bus, CapPeriod.Day, 3, null),
            UserCap(null, CapPeriod.Day, null, 8),
            UserCap(Behaviour.HospitalBooking, CapPeriod.Month, 5, null),
        ],
        timing ?? new CoinTiming(1, 3, "Ant Forest: next day, 72 h", true), [new RedemptionItem("movie-ticket", "电影票", 105, "test", true)], null, "test",
        [new DonationCause("tree-planting", "植树", "test", true)], MinimumGroup.Default);
}
