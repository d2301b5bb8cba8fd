using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A citizen redeems coins for an item of the programme's catalogue (碳币兑换): the price is spent from the coins that
/// lapse first, and a redemption code is issued for the merchant. The idempotency key makes a retried request return
/// the first redemption instead of spending twice; the key sent again for another item is refused (<c>KeyReused</c>).
/// </summary>
public sealed record RedeemCoins(string Programme, string Item, string Key) : IInclusionCommand
{
    public sealed record Form(string? Programme, string? Item, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Citizens;

    public static bool TryParse(Form form, InclusionProgrammes programmes, [NotNullWhen(true)] out RedeemCoins? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(programmes);
        var read = new FieldReader();
        var programme = read.Programme(programmes, form.Programme);
        var item = read.Code(form.Item, "item", "item: the catalogue item's code");
        var key = read.IdempotencyKey(form.IdempotencyKey);
        command = read.IsValid ? new RedeemCoins(programme!, item, key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var data = work.Session.Inclusion;
        var scopedKey = $"{work.Actor.UserId}:{Key}";
        if (await data.FindRedemptionAsync(scopedKey).ConfigureAwait(false) is { } earlier)
        {
            // The same request again is answered with the first redemption; the key for another item is a mistake to name.
            return earlier.Programme == Programme && earlier.Item == Item
                ? new InclusionCommandOutcome.Completed(earlier)
                : new InclusionCommandOutcome.Refused("KeyReused", "idempotencyKey",
                    $"the idempotency key '{Key}' was used for a different redemption ({earlier.Item})", RefusalKind.Conflict);
        }
        var programme = work.Programmes.InForce(Programme, work.Today);
        if (programme?.Item(Item) is not { } item)
        {
            return InclusionCommandOutcome.Refused.Of("UnknownItem", "item", $"{Programme} has no catalogue item {Item} today", RefusalKind.Conflict);
        }
        var spend = await CoinSpend.SpendAsync(work, Programme, item.Coins, donation: false).ConfigureAwait(false);
        if (!spend.Spent)
        {
            return InclusionCommandOutcome.Refused.Of("InsufficientCoins", "item",
                $"{item.Name} costs {item.Coins} 碳币; {spend.Balance} are spendable today", RefusalKind.Conflict);
        }
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
        var redemption = await data.InsertRedemptionAsync(new CoinRedemption(0, work.Actor.UserId, Programme, item.Code, item.Coins, work.Now,
            code, scopedKey)).ConfigureAwait(false);
        await work.JournalAsync("coins.redeemed", work.Actor.UserName, new
        {
            programme = programme.Id,
            item = item.Code,
            coins = item.Coins,
            redemption = redemption.Id,
            lapsed = spend.Lapsed,
        }).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(redemption);
    }
}
