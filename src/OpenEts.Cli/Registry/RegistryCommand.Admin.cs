using OpenEts.Domain.Registry;

namespace OpenEts.Cli.Registry;

// open-account, block/unblock/close, add-rep/remove-rep, correct (the regulator's) and cancel (a representative's):
// one registry request each. For the regulator's requests --as only has to name a platform user: the registry's own
// list of the regulator's officers decides (rule NotRegulator), which is stricter than the Regulator role.
internal static partial class RegistryCommand
{
    private static async Task<int> OpenAccountAsync(RegistryContext context, RegistryArguments a, CancellationToken ct)
    {
        if (!TryAccount(a.Positionals[0], out var number, out var problem) || !TryKind(a.Positionals[1], out var kind, out problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        if (await context.UserAsync("--as", a.Option("as")!, ct).ConfigureAwait(false) is not { } actor)
        {
            return CommandRouter.Rejected;
        }
        var representatives = new List<UserId>();
        foreach (var name in a.Options("rep"))
        {
            if (await context.UserAsync("--rep", name, ct).ConfigureAwait(false) is not { } representative)
            {
                return CommandRouter.Rejected;
            }
            representatives.Add(representative);
        }
        var holder = a.Positionals[2].Trim();
        var key = KeyOr(a, NewKey());
        return await ExecuteAsync(context, (l, now) => l.OpenAccount(actor, now, key, number, kind, holder, representatives), ct)
            .ConfigureAwait(false);
    }

    private static async Task<int> ChangeStateAsync(RegistryContext context, RegistryArguments a, string verb, CancellationToken ct)
    {
        if (!TryAccount(a.Positionals[0], out var account, out var problem) || !TryReason(a, out var reason, out problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        if (await context.UserAsync("--as", a.Option("as")!, ct).ConfigureAwait(false) is not { } actor)
        {
            return CommandRouter.Rejected;
        }
        var key = KeyOr(a, NewKey());
        return await ExecuteAsync(context, (l, now) => verb switch
        {
            "block" => l.BlockAccount(actor, now, key, account, reason),
            "unblock" => l.UnblockAccount(actor, now, key, account, reason),
            _ => l.CloseAccount(actor, now, key, account, reason),
        }, ct).ConfigureAwait(false);
    }

    private static async Task<int> RepresentativeAsync(RegistryContext context, RegistryArguments a, bool add, CancellationToken ct)
    {
        if (!TryAccount(a.Positionals[0], out var account, out var problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        if (await context.UserAsync("--as", a.Option("as")!, ct).ConfigureAwait(false) is not { } actor
            || await context.UserAsync("user", a.Positionals[1], ct).ConfigureAwait(false) is not { } representative)
        {
            return CommandRouter.Rejected;
        }
        var key = KeyOr(a, NewKey());
        return await ExecuteAsync(context, (l, now) => add
            ? l.AddRepresentative(actor, now, key, account, representative)
            : l.RemoveRepresentative(actor, now, key, account, representative), ct).ConfigureAwait(false);
    }

    private static async Task<int> CancelAsync(RegistryContext context, RegistryArguments a, CancellationToken ct)
    {
        if (!TryAccount(a.Positionals[0], out var from, out var problem) || !TryClass(a.Positionals[1], out var unitClass, out problem)
            || !TryQuantity(a.Positionals[2], out var quantity, out problem) || !TryReason(a, out var reason, out problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        if (await context.ActorAsync(a.Option("as")!, Holders, ct).ConfigureAwait(false) is not { } actor)
        {
            return CommandRouter.Rejected;
        }
        var key = KeyOr(a, NewKey());
        return await ExecuteAsync(context, (l, now) => l.Cancel(actor, now, key, from, unitClass, quantity, reason), ct)
            .ConfigureAwait(false);
    }

    private static async Task<int> CorrectAsync(RegistryContext context, RegistryArguments a, CancellationToken ct)
    {
        if (!TryAccount(a.Positionals[0], out var from, out var problem) || !TryAccount(a.Positionals[1], out var to, out problem)
            || !TryClass(a.Positionals[2], out var unitClass, out problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        long quantity = 0;
        SerialBlock serials = default;
        var range = a.Option("serials");
        if ((range is not null ? !TrySerials(range, out serials, out problem) : !TryQuantity(a.Positionals[3], out quantity, out problem))
            || !TryReason(a, out var reason, out problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        if (await context.UserAsync("--as", a.Option("as")!, ct).ConfigureAwait(false) is not { } actor)
        {
            return CommandRouter.Rejected;
        }
        var key = KeyOr(a, NewKey());
        return await ExecuteAsync(context, (l, now) => range is not null
            ? l.CorrectSerials(actor, now, key, from, to, unitClass, serials, reason)
            : l.Correct(actor, now, key, from, to, unitClass, quantity, reason), ct).ConfigureAwait(false);
    }

    private static bool TryKind(string text, out AccountKind kind, out string problem)
    {
        problem = $"KIND must be holding, investor or clearing, not '{text}'";
        (var ok, kind) = text switch
        {
            "holding" => (true, AccountKind.Holding),
            "investor" => (true, AccountKind.Investor),
            "clearing" => (true, AccountKind.Clearing),
            _ => (false, default),
        };
        return ok;
    }

    private static bool TryReason(RegistryArguments a, out string reason, out string problem)
    {
        problem = "--reason TEXT is required (a written reason, not blank)";
        reason = a.Option("reason")?.Trim() ?? "";
        return reason.Length > 0;
    }

    private static bool TrySerials(string text, out SerialBlock serials, out string problem)
    {
        problem = $"--serials must be FIRST-LAST, whole numbers with 1 ≤ FIRST ≤ LAST, not '{text}'";
        serials = default;
        var parts = text.Split('-');
        if (parts.Length != 2 || !RegistryArguments.TryWhole(parts[0], out var first) || !RegistryArguments.TryWhole(parts[1], out var last)
            || first < 1 || last < first)
        {
            return false;
        }
        serials = SerialBlock.Create(first, last);
        return true;
    }
}
