using System.Globalization;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;

namespace OpenEts.Cli.Registry;

// accounts, holdings, history, serial, verify: reads of the caught-up registry.
internal static partial class RegistryCommand
{
    private static async Task<int> AccountsAsync(RegistryContext context, CancellationToken ct)
    {
        var rows = await context.Registry.QueryAsync((l, _) => l.Accounts.Select(a => (IReadOnlyList<string>)
        [
            a.Number.Value, a.Kind.ToString(), a.State.ToString(), a.HolderName,
            string.Join(", ", l.HoldingsOf(a.Number).Select(h => Invariant($"{h.Class} {h.Total.Value}"))),
        ]).ToList(), ct).ConfigureAwait(false);
        await RegistryTable.WriteAsync(context, csv: false, ["account", "kind", "state", "holder", "totals"], rows).ConfigureAwait(false);
        return CommandRouter.Ok;
    }

    private static async Task<int> HoldingsAsync(RegistryContext context, RegistryArguments a, CancellationToken ct)
    {
        if (!TryAccount(a.Positionals[0], out var account, out var problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        var rows = await context.Registry.QueryAsync((l, _) => l.FindAccount(account) is null
            ? null
            : l.HoldingsOf(account).Select(h => (IReadOnlyList<string>)
                [h.Class.ToString(), h.Total.Value.ToString(CultureInfo.InvariantCulture), RegistryText.Blocks(h.Blocks)]).ToList(),
            ct).ConfigureAwait(false);
        if (rows is null)
        {
            return await context.FailAsync($"refused: account: there is no account '{account}' (rule UnknownAccount)").ConfigureAwait(false);
        }
        await RegistryTable.WriteAsync(context, a.Option("format") == "csv", ["class", "quantity", "serials"], rows).ConfigureAwait(false);
        return CommandRouter.Ok;
    }

    private static async Task<int> HistoryAsync(RegistryContext context, RegistryArguments a, CancellationToken ct)
    {
        if (!TryAccount(a.Positionals[0], out var account, out var problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        // --kind matches part of the journal kind: "units.allocated", "allocated", "transfer"; dates are China days.
        var (filter, _, _, errors) = RegistryHistoryFilter.Parse(a.Option("kind"), a.Option("class"), a.Option("since"),
            a.Option("until"), null, null);
        if (errors.Count > 0)
        {
            return await BadArgumentAsync(context, string.Join("; ", errors.Select(e => $"--{e.Field}: {e.Message}")))
                .ConfigureAwait(false);
        }
        var rows = await context.Registry.QueryAsync((l, records) => l.FindAccount(account) is null
            ? null
            : records.Where(r => RegistryService.Involves(r.Event, account, l) && filter.Matches(r.Event, l))
                .Select(r => (IReadOnlyList<string>)
                [
                    r.Sequence.ToString(CultureInfo.InvariantCulture),
                    r.Event.At.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    r.Event.Actor.Value, RegistryEventJson.KindOf(r.Event), RegistryText.Describe(r.Event),
                ]).ToList(),
            ct).ConfigureAwait(false);
        if (rows is null)
        {
            return await context.FailAsync($"refused: account: there is no account '{account}' (rule UnknownAccount)").ConfigureAwait(false);
        }
        await RegistryTable.WriteAsync(context, a.Option("format") == "csv", ["sequence", "at", "actor", "kind", "what"], rows)
            .ConfigureAwait(false);
        return CommandRouter.Ok;
    }

    private static async Task<int> SerialAsync(RegistryContext context, RegistryArguments a, CancellationToken ct)
    {
        if (!TryClass(a.Positionals[0], out var unitClass, out var problem))
        {
            return await BadArgumentAsync(context, problem).ConfigureAwait(false);
        }
        if (!RegistryArguments.TryWhole(a.Positionals[1], out var serial) || serial < 1)
        {
            return await BadArgumentAsync(context, $"the serial must be a whole number ≥ 1, not '{a.Positionals[1]}'").ConfigureAwait(false);
        }
        var holder = await context.Registry.QueryAsync((l, _) => l.HolderOf(unitClass, serial), ct).ConfigureAwait(false);
        if (holder is not { } account)
        {
            return await context.FailAsync(Invariant($"refused: serial: {unitClass} serial {serial} has not been issued (rule UnknownSerial)"))
                .ConfigureAwait(false);
        }
        await context.Out.WriteLineAsync(Invariant($"{unitClass} {serial}: {account}")).ConfigureAwait(false);
        return CommandRouter.Ok;
    }

    private static async Task<int> VerifyAsync(RegistryContext context, CancellationToken ct)
    {
        var check = await context.Registry.VerifyAsync(ct).ConfigureAwait(false);
        if (check.Intact)
        {
            await context.Out.WriteLineAsync(Invariant(
                $"intact: {check.EntriesChecked} entries ({check.RegistryEvents} registry events replayed; units conserved)")).ConfigureAwait(false);
            return CommandRouter.Ok;
        }
        if (!check.ChainIntact)
        {
            return await context.FailAsync(Invariant(
                $"broken: journal entry {check.FirstBadSequence}: {check.ChainReason} ({check.EntriesChecked} entries checked)")).ConfigureAwait(false);
        }
        if (check.ReplayFailedAt is { } failed)
        {
            return await context.FailAsync(Invariant(
                $"broken: journal entry {failed} cannot be replayed: {check.ReplayReason}")).ConfigureAwait(false);
        }
        if (!check.ReplayMatches)
        {
            return await context.FailAsync(Invariant(
                $"broken: replaying the {check.RegistryEvents} registry events does not give the live registry")).ConfigureAwait(false);
        }
        return await context.FailAsync("broken: units held across all accounts differ from units issued for some class").ConfigureAwait(false);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
