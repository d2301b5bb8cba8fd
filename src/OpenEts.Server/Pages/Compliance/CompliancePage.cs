using OpenEts.Application.Compliance;
using OpenEts.Domain.Compliance;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Compliance;

/// <summary>What the compliance pages share: which year to show and how a standing and a rule's figure read.</summary>
internal static class CompliancePage
{
    /// <summary>
    /// Names what the address asked for and the page could not show, with the year shown instead: a year that is no number
    /// (<c>?year=abc</c>), and a jurisdiction with no year of rules when the newest year of another is shown in its place.
    /// </summary>
    public static void NameUnread(AddressErrors unread, ModelStateDictionary state, string? jurisdiction,
        (string Jurisdiction, int Year)? picked, IReadOnlyList<(string Jurisdiction, int Year)> years)
    {
        ArgumentNullException.ThrowIfNull(unread);
        ArgumentNullException.ThrowIfNull(years);
        var shown = picked is { } p ? Title(p.Jurisdiction, p.Year) : Text.T("address.nothing");
        Unbound.Name(unread.ByField, state, field => field == "year" ? shown : null);
        if (!string.IsNullOrWhiteSpace(jurisdiction) && picked is { } q && !string.Equals(q.Jurisdiction, jurisdiction.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            Unbound.Name(unread.ByField, Unbound.NotAmong("jurisdiction", jurisdiction.Trim(), years.Select(y => y.Jurisdiction).Distinct()), shown);
        }
    }

    /// <summary>A jurisdiction's name in the reader's language (GD → 广东试点), its code when it has none.</summary>
    public static string Name(string jurisdiction) => Text.NameOf("jurisdiction.", jurisdiction) ?? jurisdiction;

    /// <summary>A compliance year's title: 广东试点 2017 年度.</summary>
    public static string Title(string jurisdiction, int year) => Text.T("compliance.yeartitle", Name(jurisdiction), year);

    /// <summary>
    /// Why a compliance page has nothing to show: no year has rules yet (no plan approved); or the year picked has none;
    /// or, for a company's own page (<paramref name="own"/>), the year has rules but the company no approved emissions.
    /// </summary>
    public static string NoneText(IReadOnlyList<(string Jurisdiction, int Year)> years, (string Jurisdiction, int Year)? picked, bool own = false)
    {
        ArgumentNullException.ThrowIfNull(years);
        return picked is not { } p ? Text.T("compliance.norules.any")
            : !years.Contains(p) ? Text.T("compliance.norules.year", Title(p.Jurisdiction, p.Year))
            : own ? Text.T("compliance.own.noemissions", Title(p.Jurisdiction, p.Year))
            : Text.T("compliance.norules.year", Title(p.Jurisdiction, p.Year));
    }

    /// <summary>The status as the 履约 announcements write it.</summary>
    public static string StatusText(EntityCompliance s) => s.Status switch
    {
        ComplianceStatus.Compliant => Text.T("compliance.status.compliant"),
        ComplianceStatus.Late => Text.T("compliance.status.late"),
        _ => s.PastDeadline ? Text.T("compliance.status.overdue") : Text.T("compliance.status.short"),
    };

    /// <summary>" [unconfirmed]" after a figure whose source is unconfirmed, else nothing.</summary>
    public static string Flag(ComplianceRules rules, string field) => rules.IsUnconfirmed(field) ? Text.T("compliance.unconfirmed") : "";

    /// <summary>
    /// A penalty as the overview writes it: the tonnes deducted; the fine, one figure when the rules fix it (Guangdong's
    /// 50,000 元) and a range otherwise; and, when the rules fine at a multiple of the market price and no reference price
    /// was given, that this part is left out (the figure alone would read as the whole fine).
    /// </summary>
    public static string PenaltyText(Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(penalty);
        var fine = penalty.FineYuanMin == penalty.FineYuanMax
            ? $"{penalty.FineYuanMin:N0} 元"
            : $"{penalty.FineYuanMin:N0}–{penalty.FineYuanMax:N0} 元";
        return $"{penalty.Deduction:N0} t; {fine}" + (penalty.PriceMissing ? " " + Text.T("compliance.pricemissing") : "");
    }

    /// <summary>A share as a percentage (0.10 → 10 %).</summary>
    public static string Percent(decimal share) => (share * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " %";
}
