using System.Globalization;
using OpenEts.Domain.Registry;

namespace OpenEts.Cli.Registry;

// issue, allocate, transfer propose/approve/reject, surrender: one registry request each.
internal static partial class RegistryCommand
{
    private static async Task<int> IssueAsync(RegistryContext context, RegistryArguments a, CancellationToken ct)
    {
        if (!TryClass(a.Positionals[0], out var unitClass, out var problem) || !TryQuantity(a.Positionals[1], out var quantity, out problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        if (await context.ActorAsync(a.Option("as")!, Regulator, ct).ConfigureAwait(false) is not { } actor)
        {
            return CommandRouter.Rejected;
        }
        var key = KeyOr(a, NewKey());
        return await ExecuteAsync(context, (l, now) => l.Issue(actor, now, key, unitClass, quantity), ct).ConfigureAwait(false);
    }

    private static async Task<int> AllocateAsync(RegistryContext context, RegistryArguments a, CancellationToken ct)
    {
        if (!TryAccount(a.Positionals[0], out var to, out var problem) || !TryClass(a.Positionals[1], out var unitClass, out problem)
            || !TryQuantity(a.Positionals[2], out var quantity, out problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        if (await context.ActorAsync(a.Option("as")!, Regulator, ct).ConfigureAwait(false) is not { } actor)
        {
            return CommandRouter.Rejected;
        }
        var key = KeyOr(a, NewKey());
        return await ExecuteAsync(context, (l, now) => l.Allocate(actor, now, key, to, unitClass, quantity), ct).ConfigureAwait(false);
    }

    private static async Task<int> ProposeAsync(RegistryContext context, RegistryArguments a, CancellationToken ct)
    {
        if (!TryAccount(a.Positionals[0], out var from, out var problem) || !TryAccount(a.Positionals[1], out var to, out problem)
            || !TryClass(a.Positionals[2], out var unitClass, out problem) || !TryQuantity(a.Positionals[3], out var quantity, out problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        if (await context.ActorAsync(a.Option("as")!, Holders, ct).ConfigureAwait(false) is not { } actor)
        {
            return CommandRouter.Rejected;
        }
        var key = KeyOr(a, NewKey());
        return await ExecuteAsync(context, (l, now) => l.ProposeTransfer(actor, now, key, from, to, unitClass, quantity,
            new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).Add(Expiry).AddDays(1)), ct).ConfigureAwait(false);
    }

    private static async Task<int> ApproveAsync(RegistryContext context, RegistryArguments a, CancellationToken ct)
    {
        if (!TryProposal(a.Positionals[0], out var proposal, out var problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        if (await context.ActorAsync(a.Option("as")!, Holders, ct).ConfigureAwait(false) is not { } actor)
        {
            return CommandRouter.Rejected;
        }
        // Approving the same proposal twice as the same user is one request.
        var key = KeyOr(a, $"cli:approve:{proposal}:{actor}");
        return await ExecuteAsync(context, (l, now) => l.ApproveTransfer(actor, now, key, proposal), ct).ConfigureAwait(false);
    }

    private static async Task<int> RejectAsync(RegistryContext context, RegistryArguments a, CancellationToken ct)
    {
        if (!TryProposal(a.Positionals[0], out var proposal, out var problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        if (a.Option("reason") is not { } reason || reason.Trim().Length == 0)
        {
            return await BadArgumentAsync(context, "--reason TEXT is required").ConfigureAwait(false);
        }
        if (await context.ActorAsync(a.Option("as")!, Holders, ct).ConfigureAwait(false) is not { } actor)
        {
            return CommandRouter.Rejected;
        }
        var key = KeyOr(a, NewKey());
        return await ExecuteAsync(context, (l, now) => l.RejectTransfer(actor, now, key, proposal, reason.Trim()), ct).ConfigureAwait(false);
    }

    private static async Task<int> SurrenderAsync(RegistryContext context, RegistryArguments a, CancellationToken ct)
    {
        if (!TryAccount(a.Positionals[0], out var from, out var problem) || !TryClass(a.Positionals[1], out var unitClass, out problem)
            || !TryQuantity(a.Positionals[2], out var quantity, out problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        if (a.Option("year") is not { } yearText
            || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return await BadArgumentAsync(context, "--year YYYY (the compliance year) is required").ConfigureAwait(false);
        }
        if (await context.ActorAsync(a.Option("as")!, Holders, ct).ConfigureAwait(false) is not { } actor)
        {
            return CommandRouter.Rejected;
        }
        var key = KeyOr(a, NewKey());
        return await ExecuteAsync(context, (l, now) => l.Surrender(actor, now, key, from, unitClass, quantity, year), ct)
            .ConfigureAwait(false);
    }

    private static bool TryProposal(string text, out ProposalId proposal, out string problem)
    {
        problem = $"the proposal id must be a whole number ≥ 1, not '{text}'";
        proposal = default;
        if (!RegistryArguments.TryWhole(text, out var id) || id < 1)
        {
            return false;
        }
        proposal = ProposalId.From(id);
        return true;
    }

    private static async Task<int> ExecuteAsync(RegistryContext context, Func<RegistryLedger, DateTimeOffset, RegistryOutcome> request,
        CancellationToken ct)
    {
        var now = RegistryContext.Now;
        var outcome = await context.Registry.ExecuteAsync(now, l => request(l, now), ct).ConfigureAwait(false);
        if (outcome is RegistryOutcome.Rejected r)
        {
            return await context.RefusedAsync(r).ConfigureAwait(false);
        }
        await context.Out.WriteLineAsync(RegistryText.Outcome((RegistryOutcome.Completed)outcome)).ConfigureAwait(false);
        return CommandRouter.Ok;
    }
}
