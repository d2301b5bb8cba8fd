namespace OpenEts.Domain.Inclusion;

/// <summary>A user's counted actions and coins of one behaviour from one data source on one day (the daily rollup).</summary>
public sealed record UsageRow(DateOnly Day, Behaviour Behaviour, string Source, long Actions, long Coins);
