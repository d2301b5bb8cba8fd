using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A citizen gives coins to a public-good cause the programme lists (公益捐赠, e.g. tree planting): spent from the coins
/// that lapse first, like a redemption, and counted in the wallet's donated coins and the cause's public total. The
/// idempotency key makes a retried request return the first donation instead of giving twice. Completed with the
/// <see cref="CoinDonation"/>.
/// </summary>
public sealed record DonateCoins(string Programme, string Cause, long Coins, string Key) : IInclusionCommand
{
    /// <summary>The most coins in one donation (a typo guard) [UNCONFIRMED: the platform's own limit].</summary>
    public const long MaxCoins = 100_000;

    public sealed record Form(string? Programme, string? Cause, long? Coins, string? IdempotencyKey);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Citizens;

    public static bool TryParse(Form form, InclusionProgrammes programmes, [NotNullWhen(true)] out DonateCoins? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(programmes);
        var read = new FieldReader();
        var programme = programmes.Codes.FirstOrDefault(c => string.Equals(c, FieldReader.Text(form.Programme), StringComparison.OrdinalIgnoreCase));
        if (programme is null)
        {
            read.Fail("programme", "UnknownValue", $"programme is one of: {string.Join(", ", programmes.Codes)}");
        }
        var cause = FieldReader.Text(form.Cause).ToLowerInvariant();
        if (cause.Length is 0 or > 64)
        {
            read.Fail("cause", "Required", "cause: the cause's code");
        }
        if (form.Coins is not (>= 1 and <= MaxCoins))
        {
            read.Fail("coins", "Range", $"coins: a whole number from 1 to {MaxCoins}");
        }
        var key = FieldReader.Text(form.IdempotencyKey);
        if (key.Length is 0 or > 100)
        {
            read.Fail("idempotencyKey", "Required", "idempotencyKey: 1–100 characters, the same on a retry");
        }
        command = read.IsValid ? new DonateCoins(programme!, cause, form.Coins!.Value, key) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var data = work.Session.Inclusion;
        var scopedKey = $"{work.Actor.UserId}:{Key}";
        if (await data.FindDonationAsync(scopedKey).ConfigureAwait(false) is { } earlier)
        {
            return new InclusionCommandOutcome.Completed(earlier);
        }
        var programme = work.Programmes.InForce(Programme, work.Today);
        if (programme?.Cause(Cause) is not { } cause)
        {
            return new InclusionCommandOutcome.Refused("UnknownCause", "cause", $"{Programme} lists no cause {Cause} today", RefusalKind.Conflict);
        }
        var wallet = await data.WalletAsync(work.Actor.UserId, Programme).ConfigureAwait(false);
        var ledger = new CoinLedger(await data.LotsAsync(work.Actor.UserId, Programme, work.Today).ConfigureAwait(false));
        var before = ledger.Lots.ToDictionary(l => l.Earned, l => l.Remaining);
        var lapsed = ledger.Expire(work.Today);
        var balance = ledger.Balance(work.Today);
        if (wallet is null || !ledger.Donate(work.Today, Coins))
        {
            return new InclusionCommandOutcome.Refused("InsufficientCoins", "coins", $"{balance} 碳币 are spendable today", RefusalKind.Conflict);
        }
        await data.SaveLotsAsync(work.Actor.UserId, Programme, ledger.Lots.Where(l => before[l.Earned] != l.Remaining)).ConfigureAwait(false);
        await data.SaveWalletAsync(wallet with { Donated = wallet.Donated + Coins, Expired = wallet.Expired + lapsed }).ConfigureAwait(false);
        var donation = await data.InsertDonationAsync(new CoinDonation(0, work.Actor.UserId, Programme, cause.Code, Coins, work.Now, scopedKey))
            .ConfigureAwait(false);
        await work.JournalAsync("coins.donated", work.Actor.UserName, new
        {
            programme = programme.Id,
            cause = cause.Code,
            coins = Coins,
            donation = donation.Id,
            lapsed,
        }).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(donation);
    }
}
