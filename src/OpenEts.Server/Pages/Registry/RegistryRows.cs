using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;
using OpenEts.Server.Localization;
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

    /// <summary>A refusal for the page: in Chinese the rule's name first, then the ledger's (English) sentence.</summary>
    public static string Explain(RegistryOutcome.Rejected rejected) =>
        Text.IsEnglish ? rejected.Message : $"{Text.T("reg.rule." + rejected.Reason)}（{rejected.Message}）";

    /// <summary>The registry events touching <paramref name="account"/>, oldest first.</summary>
    public static List<HistoryRow> History(RegistryLedger ledger, IReadOnlyList<RegistryRecord> records, AccountNumber account) =>
        records.Where(r => RegistryService.Involves(r.Event, account, ledger)).Select(r => Row(ledger, r)).ToList();

    private static HistoryRow Row(RegistryLedger ledger, RegistryRecord record)
    {
        var e = record.Event;
        var kind = RegistryEventJson.KindOf(e);
        var row = new HistoryRow(record.Sequence, e.At, e.Actor.Value, kind, null, null, null, null, "", null);
        return e switch
        {
            IUnitMovement m => row with
            {
                Class = m.Class.ToString(), From = m.From.Value, To = m.To.Value, Quantity = m.Blocks.Sum(b => b.Count),
                Blocks = string.Join(' ', m.Blocks), Proposal = (e as UnitsTransferred)?.Proposal.Value,
            },
            UnitsIssued i => row with
            {
                Class = i.Class.ToString(), To = i.Account.Value, Quantity = i.Blocks.Sum(b => b.Count), Blocks = string.Join(' ', i.Blocks),
            },
            TransferProposed p => row with
            {
                Class = p.Class.ToString(), From = p.From.Value, To = p.To.Value, Quantity = p.Quantity, Proposal = p.Proposal.Value,
            },
            TransferRejected j => WithProposal(row, ledger, j.Proposal),
            ProposalExpired x => WithProposal(row, ledger, x.Proposal),
            _ => row,
        };
    }

    private static HistoryRow WithProposal(HistoryRow row, RegistryLedger ledger, ProposalId id) =>
        ledger.FindProposal(id) is { } p
            ? row with { Class = p.Class.ToString(), From = p.From.Value, To = p.To.Value, Quantity = p.Quantity, Proposal = id.Value }
            : row with { Proposal = id.Value };
}
