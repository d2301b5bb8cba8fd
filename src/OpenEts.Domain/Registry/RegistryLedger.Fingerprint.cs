using System.Globalization;
using System.Text;

namespace OpenEts.Domain.Registry;

public sealed partial class RegistryLedger
{
    /// <summary>
    /// Everything the registry holds, as text: accounts with their representatives, holdings with serials, the classes
    /// issued, and every proposal with its decision. Two ledgers hold the same when their fingerprints are equal (a live
    /// ledger against one replayed from the journal, say).
    /// </summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var a in Accounts)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"A {a.Number} {a.Kind} {a.State} {a.HolderName} [{string.Join(',', a.Representatives)}] {a.OpenedAt:O}\n");
            foreach (var h in HoldingsOf(a.Number))
            {
                text.Append(CultureInfo.InvariantCulture, $"  H {h.Class} {h.Total.Value}: {string.Join(',', h.Blocks)}\n");
            }
        }
        foreach (var c in IssuedClasses)
        {
            text.Append(CultureInfo.InvariantCulture, $"C {c} {TotalIssued(c).Value}\n");
        }
        foreach (var d in OffsetClasses)
        {
            text.Append(CultureInfo.InvariantCulture, $"D {d.Class} {d.Category} {d.HostProvince} {d.PreCdm} {d.Title}\n");
        }
        foreach (var (c, retired) in _retired.OrderBy(r => r.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"R {c} {retired.Total}: {string.Join(',', retired.Blocks)}\n");
        }
        foreach (var p in Proposals)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"P {p.Id} {p.From}>{p.To} {p.Class} {p.Quantity} {p.ProposedBy} {p.ProposedAt.UtcTicks} {p.ExpiresAt.UtcTicks} {p.State} {p.DecidedBy} {p.DecidedAt?.UtcTicks} {string.Join(',', p.Blocks)}\n");
        }
        return text.ToString();
    }
}
