using OpenEts.Domain.Organisations;

namespace OpenEts.Server.Pages.Shared;

/// <summary>One company's approved emissions in a year (tCO2, exact to 1 kg) and in the year before, if approved.</summary>
public sealed record CompanyTotal(CreditCode Organisation, string Name, Sector Sector, decimal Approved, decimal? PreviousYear)
{
    /// <summary>The change from the year before in percent (one decimal), or null without a previous figure.</summary>
    public decimal? ChangePercent => PreviousYear is > 0 and var p ? decimal.Round((Approved - p) / p * 100m, 1) : null;
}
