using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;
using RegistryAccount = OpenEts.Domain.Registry.Account;

namespace OpenEts.Server.Pages.Registry;

/// <summary>What the registry pages and exports share: who may see an account, and an account's history as rows.</summary>
internal static class RegistryRows
{
    /// <summary>The regulator and the auditor see every account; everyone else only the accounts they represent.</summary>
    public static bool MaySee(Actor actor, RegistryAccount account) =>
        actor.Role is Role.Regulator or Role.Auditor || account.IsRepresentative(RegistryService.UserOf(actor.UserName));

    /// <summary>Serial blocks as the page shows them (<c>1–3,000,000</c>), from the export form (<c>1-3000000</c>).</summary>
    public static string ShowBlocks(string blocks) =>
        string.Join(' ', blocks.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(b =>
            b.Split('-') is [var first, var last]
            && long.TryParse(first, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var f)
            && long.TryParse(last, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var l)
                ? f.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + "–" + l.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
                : b));

    /// <summary>The registry events touching <paramref name="account"/>, oldest first.</summary>
    public static List<HistoryRow> History(RegistryLedger ledger, IReadOnlyList<RegistryRecord> records, AccountNumber account) =>
        records.Where(r => RegistryService.Involves(r.Event, account, ledger)).Select(r => Row(ledger, r)).ToList();

    private static HistoryRow Row(RegistryLedger ledger, RegistryRecord record)
    {
        var e = record.Event;
        var f = e.Facts(ledger);
        return new HistoryRow(record.Sequence, e.At, e.Actor.Value, RegistryEventJson.KindOf(e), f.Class?.ToString(), f.From?.Value,
            f.To?.Value, f.Class is null ? null : f.Quantity.Value, string.Join(' ', f.Blocks), f.Proposal?.Value);
    }
}
