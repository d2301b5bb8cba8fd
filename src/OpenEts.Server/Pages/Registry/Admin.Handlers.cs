using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Registry;

// The form handlers: open, change state, representatives, correction.
public sealed partial class AdminModel
{
    private const int MaxReason = 1000;

    private static readonly string[] OpenFields = ["number", "kind", "holderName", "representatives"];
    private static readonly string[] StateFields = ["reason"];
    private static readonly string[] RepresentativeFields = ["representative"];
    private static readonly string[] CorrectionFields = ["from", "to", "unitClass", "quantity", "serials", "reason"];

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        var input = OpenInput;
        if (!AccountNumber.TryCreate(input.Number?.Trim(), out var number))
        {
            Errors["open.number"] = Text.T("reg.err.account");
        }
        if (!Enum.TryParse<AccountKind>(input.Kind, ignoreCase: false, out var kind) || !OpenableKinds.Contains(kind))
        {
            Errors["open.kind"] = Text.T("reg.err.kind");
        }
        var holder = input.HolderName?.Trim() ?? "";
        if (holder.Length is 0 or > MaxReason)
        {
            Errors["open.holderName"] = Text.T("reg.err.holder");
        }
        var names = input.Representatives.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count < 2)
        {
            Errors["open.representatives"] = Text.T("reg.err.tworeps");
        }
        foreach (var name in names)
        {
            if (await RepresentativeErrorAsync(name, ct) is { } bad)
            {
                Errors["open.representatives"] = bad;
                break;
            }
        }
        var key = KeyOf(input);
        if (Errors.Count > 0)
        {
            return await ShowAsync(ct);
        }
        var actor = Actor;
        var reps = names.Select(RegistryService.UserOf).ToList();
        Number = number.Value;
        return await RunAsync("open", OpenFields, (l, now) => l.OpenAccount(actor, now, key, number, kind, holder, reps), number, "opened", ct);
    }

    /// <summary>Blocks, unblocks or closes the selected account (<paramref name="change"/>: block, unblock, close).</summary>
    public async Task<IActionResult> OnPostStateAsync(string? change, CancellationToken ct)
    {
        if (!AccountNumber.TryCreate(Number?.Trim(), out var number) || change is not ("block" or "unblock" or "close"))
        {
            return BadRequest();
        }
        var reason = StateInput.Reason?.Trim() ?? "";
        if (CheckReason("state", reason))
        {
            return await ShowAsync(ct);
        }
        var key = KeyOf(StateInput);
        var actor = Actor;
        return await RunAsync("state", StateFields, (l, now) => change switch
        {
            "block" => l.BlockAccount(actor, now, key, number, reason),
            "unblock" => l.UnblockAccount(actor, now, key, number, reason),
            _ => l.CloseAccount(actor, now, key, number, reason),
        }, number, change == "close" ? "closed" : change + "ed", ct);
    }

    public async Task<IActionResult> OnPostAddRepresentativeAsync(CancellationToken ct)
    {
        if (!AccountNumber.TryCreate(Number?.Trim(), out var number))
        {
            return BadRequest();
        }
        var name = RepresentativeInput.Representative?.Trim() ?? "";
        if ((name.Length == 0 ? Text.T("reg.err.chooseuser") : await RepresentativeErrorAsync(name, ct)) is { } bad)
        {
            Errors["rep.representative"] = bad;
            return await ShowAsync(ct);
        }
        var key = KeyOf(RepresentativeInput);
        var actor = Actor;
        var user = RegistryService.UserOf(name);
        return await RunAsync("rep", RepresentativeFields, (l, now) => l.AddRepresentative(actor, now, key, number, user),
            number, "repadded", ct);
    }

    public async Task<IActionResult> OnPostRemoveRepresentativeAsync(string? representative, string? key, CancellationToken ct)
    {
        if (!AccountNumber.TryCreate(Number?.Trim(), out var number) || string.IsNullOrWhiteSpace(representative)
            || representative.Length > UserId.MaxLength || string.IsNullOrWhiteSpace(key) || key.Length > IdempotencyKey.MaxLength)
        {
            return BadRequest();
        }
        var actor = Actor;
        var user = RegistryService.UserOf(representative.Trim());
        var k = IdempotencyKey.From(key);
        return await RunAsync("rep", RepresentativeFields, (l, now) => l.RemoveRepresentative(actor, now, k, number, user),
            number, "repremoved", ct);
    }

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken ct)
    {
        var input = CorrectionInput;
        if (!AccountNumber.TryCreate(input.From?.Trim(), out var from))
        {
            Errors["correct.from"] = Text.T("reg.err.account");
        }
        if (!AccountNumber.TryCreate(input.To?.Trim(), out var to))
        {
            Errors["correct.to"] = Text.T("reg.err.account");
        }
        if (!UnitClass.TryParse(input.Class, out var unitClass))
        {
            Errors["correct.unitClass"] = Text.T("reg.err.class");
        }
        var bySerials = input.By == "serials";
        if (!bySerials && input.Quantity is not > 0)
        {
            Errors["correct.quantity"] = Text.T("reg.err.quantity");
        }
        if (bySerials && (input.First is not >= 1 || input.Last is not { } last || last < input.First))
        {
            Errors["correct.serials"] = Text.T("reg.err.serials");
        }
        var reason = input.Reason?.Trim() ?? "";
        CheckReason("correct", reason);
        var key = KeyOf(input);
        if (Errors.Count > 0)
        {
            return await ShowAsync(ct);
        }
        var actor = Actor;
        Number ??= from.Value;
        if (bySerials)
        {
            var serials = SerialBlock.Create(input.First!.Value, input.Last!.Value);
            return await RunAsync("correct", CorrectionFields,
                (l, now) => l.CorrectSerials(actor, now, key, from, to, unitClass, serials, reason), from, "corrected", ct);
        }
        var quantity = input.Quantity!.Value;
        return await RunAsync("correct", CorrectionFields,
            (l, now) => l.Correct(actor, now, key, from, to, unitClass, quantity, reason), from, "corrected", ct);
    }

    // The page asks for the reason before the ledger does, so that it shows even when other fields are wrong too.
    private bool CheckReason(string form, string reason)
    {
        if (reason.Length is > 0 and <= MaxReason)
        {
            return false;
        }
        Errors[form + ".reason"] = Text.T(reason.Length == 0 ? "reg.err.reason" : "reg.err.reasonlength");
        return true;
    }
}
