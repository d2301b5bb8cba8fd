namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// A five-year total-emission target for one pollutant (e.g. COD, NH3-N, NOx, VOCs): the baseline total and the cut in
/// percent (10 means −10 %). Tonnes of the pollutant, exact to 1 kg.
/// </summary>
public sealed record PollutantTarget(string Pollutant, decimal BaselineTonnes, decimal CutPercent)
{
    /// <summary>The total allowed in the plan's last year: baseline × (1 − cut).</summary>
    public decimal CapTonnes => decimal.Round(BaselineTonnes * (1m - CutPercent / 100m), 3, MidpointRounding.ToZero);
}
