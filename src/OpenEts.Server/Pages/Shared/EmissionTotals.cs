using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OpenEts.Application.Storage;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Shared;

/// <summary>
/// Approved emissions arranged for the regulator's dashboard and the public disclosure page: the trend by year and
/// sector, one year by sector, and one year by company with the change from the year before.
/// </summary>
public sealed class EmissionTotals
{
    private EmissionTotals(IReadOnlyList<ApprovedTotal> rows, int? year)
    {
        Years = [.. rows.Select(r => r.Year).Distinct().Order()];
        Year = year is { } y && Years.Contains(y) ? y : Years.Count > 0 ? Years[^1] : null;
        var sectors = rows.Select(r => r.Sector).Distinct().Order().ToList();
        Trend = new ChartSpec("stacked", [.. Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [.. sectors.Select(s => new ChartSeries(Text.T(s), [.. Years.Select(y => SectorYear(rows, s, y))], ColorOf(s)))],
            "tCO2");
        var ofYear = rows.Where(r => r.Year == Year).ToList();
        var yearSectors = ofYear.Select(r => r.Sector).Distinct().Order().ToList();
        BySector = new ChartSpec("bar", [.. yearSectors.Select(s => Text.T(s))],
            [new ChartSeries(Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", [.. yearSectors.Select(s => (decimal?)Whole(ofYear.Where(r => r.Sector == s).Sum(r => r.Approved.Value)))], Colors: [.. yearSectors.Select(ColorOf)])],
            "tCO2");
        var before = rows.Where(r => r.Year == Year - 1).ToDictionary(r => r.Organisation);
        Companies = [.. ofYear
            .OrderByDescending(r => r.Approved.Value)
            .Select(r => new CompanyTotal(r.Organisation, r.Name, r.Sector, r.Approved.Value,
                before.TryGetValue(r.Organisation, out var b) ? b.Approved.Value : null))];
        Total = ofYear.Sum(r => r.Approved.Value);
    }

    /// <summary>
    /// The year the address asked for (<paramref name="asked"/> as bound) when it is no number or has no approved
    /// reports, named with the year shown in its place.
    /// </summary>
    internal AddressErrors Unread(ModelStateDictionary state, int? asked)
    {
        var unread = new AddressErrors();
        var shown = Year?.ToString(CultureInfo.InvariantCulture) ?? Text.T("address.nothing");
        Unbound.Name(unread.ByField, state, field => field == "year" ? shown : null);
        if (asked is { } year && year != Year && unread.Err("year") is null)
        {
            Unbound.Name(unread.ByField, Unbound.NotAmong("year", year.ToString(CultureInfo.InvariantCulture),
                Years.Select(y => y.ToString(CultureInfo.InvariantCulture))), shown);
        }
        return unread;
    }

    /// <summary>Years with approved reports, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The year shown in detail: the one asked for if it has data, else the latest; null when none has.</summary>
    public int? Year { get; }

    /// <summary>Approved emissions per year, stacked by sector (whole tonnes).</summary>
    public ChartSpec Trend { get; }

    /// <summary>Approved emissions of <see cref="Year"/> by sector (whole tonnes).</summary>
    public ChartSpec BySector { get; }

    /// <summary>Every company's approved emissions in <see cref="Year"/>, largest first, with the year before.</summary>
    public IReadOnlyList<CompanyTotal> Companies { get; }

    /// <summary>The sum of <see cref="Year"/>'s approved emissions, tCO2 exact to 1 kg.</summary>
    public decimal Total { get; }

    public static EmissionTotals From(IReadOnlyList<ApprovedTotal> rows, int? year)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new EmissionTotals(rows, year);
    }

    // One colour per sector on every chart (a colour-blind-safe palette, Okabe–Ito).
    private static readonly string[] Palette = ["#999999", "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"];

    private static string ColorOf(Sector sector) => Palette[(int)sector % Palette.Length];

    // A sector with no approved report in a year is a gap in the trend, not 0 t: nothing was reported, not nothing emitted.
    private static decimal? SectorYear(IReadOnlyList<ApprovedTotal> rows, Sector sector, int year)
    {
        var reported = rows.Where(r => r.Sector == sector && r.Year == year).ToList();
        return reported.Count == 0 ? null : Whole(reported.Sum(r => r.Approved.Value));
    }

    // Charts show whole tonnes; tables show the exact approved figure.
    private static decimal Whole(decimal tonnes) => decimal.Round(tonnes, 0, MidpointRounding.AwayFromZero);
}
