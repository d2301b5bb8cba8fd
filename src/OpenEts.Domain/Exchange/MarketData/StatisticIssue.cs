namespace OpenEts.Domain.Exchange.MarketData;

/// <summary>One inconsistency found in published statistics: the row (its index in the list checked), the rule, why.</summary>
public sealed record StatisticIssue(int Index, StatisticRule Rule, string Message);
