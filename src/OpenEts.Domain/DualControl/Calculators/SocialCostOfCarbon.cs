namespace OpenEts.Domain.DualControl.Calculators;

/// <summary>
/// One published social cost of carbon (碳排放社会成本), USD per tonne CO2, to monetise emissions or reductions. The series
/// is data (dualcontrol/scc.json); each value names its source and whether it was confirmed.
/// </summary>
/// <param name="Code">The value's code (<c>us-iwg-2016</c>).</param>
/// <param name="Name">Who published it and when.</param>
/// <param name="UsdPerTonne">USD per tonne CO2.</param>
/// <param name="Basis">Its basis as published (dollar year, emission year, discount rate), as text.</param>
/// <param name="Source">Where the figure is quoted.</param>
/// <param name="Confirmed">False for an [UNCONFIRMED] figure.</param>
public sealed record SocialCostOfCarbon(string Code, string Name, decimal UsdPerTonne, string Basis, string Source, bool Confirmed)
{
    /// <summary>Its name in Chinese, for the pages (the API and the CLI give <see cref="Name"/>); null when the data gives none.</summary>
    public string? NameZh { get; init; }

    /// <summary>Tonnes × USD per tonne, exact.</summary>
    public decimal Monetise(decimal tonnes) => tonnes * UsdPerTonne;
}
