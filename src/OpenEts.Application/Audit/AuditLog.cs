using OpenEts.Application.Identity;
using OpenEts.Application.Journal;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Journal;

namespace OpenEts.Application.Audit;

/// <summary>The audit log: the journal as the regulator and the auditor read it, and its verification.</summary>
public sealed class AuditLog(IStore store)
{
    public const int PageSize = 50;

    public Task<AuditPage?> PageAsync(Actor actor, JournalFilter filter, int page, CancellationToken ct)
    {
        if (!Roles.ReadsAuditLog(actor.Role))
        {
            return Task.FromResult<AuditPage?>(null);
        }
        // A page before the first is the first; a page past the last is the last (an empty page would say nothing).
        return store.ReadAsync<AuditPage?>(async s =>
        {
            var total = await s.Journal.CountAsync(filter).ConfigureAwait(false);
            var last = (int)Math.Clamp((total + PageSize - 1) / PageSize, 1, int.MaxValue / PageSize);
            var p = Math.Clamp(page, 1, last);
            return new AuditPage(await s.Journal.PageAsync(filter, (p - 1) * PageSize, PageSize).ConfigureAwait(false), total, p);
        }, ct);
    }

    /// <summary>
    /// Recomputes the whole chain, in segments on every core and in constant memory (<see cref="JournalChain"/>). Returns
    /// the number of entries checked (up to the first break) and the first break, if any.
    /// </summary>
    public async Task<(long Checked, JournalBreak? Break)> VerifyAsync(CancellationToken ct)
    {
        var result = await new JournalChain(store).CheckAsync(ct).ConfigureAwait(false);
        return (result.Checked, result.Break);
    }
}

/// <summary>One page of the audit log, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<JournalEntry> Entries, long Total, int Page);
