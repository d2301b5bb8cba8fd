using OpenEts.Application.Forms;
using OpenEts.Application.Identity;
using OpenEts.Application.Offsets;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

// The partners' quality dashboard for those who oversee the programmes (the regulator, the auditor, the verifier, the
// programme operator): every partner's counters. A partner reads its own through PartnerActionsHandler, with its key.
public sealed partial class InclusionQueries
{
    /// <summary>
    /// The quality dashboard of <paramref name="programme"/> (null: every programme) over the Beijing days from
    /// <paramref name="from"/> to <paramref name="to"/> (at most <see cref="QualityDashboard.MaxDays"/>), or null when the
    /// actor may not oversee the programmes (or that programme: a company representative oversees only those its
    /// organisation operates, and every programme's dashboard shows it only theirs).
    /// </summary>
    public async Task<QualityDashboard?> QualityAsync(Actor? actor, string? programme, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (!MayOversee(actor))
        {
            return null;
        }
        (from, to) = QualitySpan(from, to);
        return await store.ReadAsync<QualityDashboard?>(async s =>
        {
            var oversees = OverseesIn(s, actor);
            if (programme is not null && !await oversees(programme).ConfigureAwait(false))
            {
                return null;
            }
            var rows = await s.Inclusion.QualityAsync(null, programme, from, to).ConfigureAwait(false);
            // Every programme: a company representative's dashboard holds only the programmes its organisation operates.
            var kept = new List<QualityCount>(rows.Count);
            foreach (var row in rows)
            {
                if (await oversees(row.Programme).ConfigureAwait(false))
                {
                    kept.Add(row);
                }
            }
            var names = (await s.Inclusion.PartnersAsync().ConfigureAwait(false)).ToDictionary(p => p.Id, p => p.Name);
            return new QualityDashboard(programme, from, to, kept, names);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a dashboard's filter as typed: a programme's code (empty: every programme), and the first and last days
    /// (yyyy-MM-dd; either empty: the last 30 Beijing days up to today).
    /// </summary>
    public bool TryReadQualityFilter(string? programme, string? from, string? to, out (string? Programme, DateOnly From, DateOnly To) filter,
        out IReadOnlyList<FieldError> errors)
    {
        var read = new FieldReader();
        var code = string.IsNullOrWhiteSpace(programme) ? null : read.Programme(programmes, programme);
        var (first, last) = DefaultQualitySpan();
        if (!string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to))
        {
            (first, last) = (read.Date(from, "from"), read.Date(to, "to"));
        }
        filter = (code, first, last);
        errors = read.Errors;
        return read.IsValid;
    }

    /// <summary>
    /// The dashboard a page's address asks for, each part it cannot show named in <paramref name="errors"/> and replaced:
    /// a programme no programme has by every programme; a day that does not read by the default span's length from the
    /// other day (both: the default span); a first day after the last, or a span over <see cref="QualityDashboard.MaxDays"/>,
    /// by the span <see cref="QualityAsync"/> shows (in order, its last days).
    /// </summary>
    public (string? Programme, DateOnly From, DateOnly To) QualityFilterOf(string? programme, string? from, string? to,
        out IReadOnlyList<FieldError> errors)
    {
        var read = new FieldReader();
        var code = string.IsNullOrWhiteSpace(programme) ? null : read.Programme(programmes, programme);
        var (first, last) = read.Period(from, to, QualityDashboard.MaxDays);
        var span = DefaultQualitySpan();
        var length = span.To.DayNumber - span.From.DayNumber;
        var (start, end) = (first, last) switch
        {
            ({ } f, { } t) => (f, t),
            ({ } f, null) => (f, f.AddDays(length)),
            (null, { } t) => (t.AddDays(-length), t),
            _ => span,
        };
        var shown = QualitySpan(start, end);
        errors = read.Errors;
        return (code, shown.From, shown.To);
    }

    /// <summary>The last 30 Beijing days up to today, the dashboard's default span.</summary>
    public (DateOnly From, DateOnly To) DefaultQualitySpan()
    {
        var today = InclusionTime.DayOf(clock.GetUtcNow());
        return (today.AddDays(-29), today);
    }

    /// <summary>The span in order, cut to its last <see cref="QualityDashboard.MaxDays"/> days.</summary>
    internal static (DateOnly From, DateOnly To) QualitySpan(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            (from, to) = (to, from);
        }
        return to.DayNumber - from.DayNumber >= QualityDashboard.MaxDays ? (to.AddDays(-(QualityDashboard.MaxDays - 1)), to) : (from, to);
    }
}
