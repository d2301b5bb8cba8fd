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
        var programme = read.Programme(programmes, form.Programme);
        var cause = read.Code(form.Cause, "cause", "cause: the cause's code");
        if (form.Coins is not (>= 1 and <= MaxCoins))
        {
            read.FailOf("coins", "Range", $"{"coins"} is a whole number from {1} to {MaxCoins}");
        }
        var key = read.IdempotencyKey(form.IdempotencyKey);
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
            // The same request again is answered with the first donation; the key for another gift is a mistake to name.
            return earlier.Programme == Programme && earlier.Cause == Cause && earlier.Coins == Coins
                ? new InclusionCommandOutcome.Completed(earlier)
                : new InclusionCommandOutcome.Refused("KeyReused", "idempotencyKey",
                    $"the idempotency key '{Key}' was used for a different donation ({earlier.Coins} 碳币 to {earlier.Cause})", RefusalKind.Conflict);
        }
        var programme = work.Programmes.InForce(Programme, work.Today);
        if (programme?.Cause(Cause) is not { } cause)
        {
            return new InclusionCommandOutcome.Refused("UnknownCause", "cause", $"{Programme} lists no cause {Cause} today", RefusalKind.Conflict);
        }
        var spend = await CoinSpend.SpendAsync(work, Programme, Coins, donation: true).ConfigureAwait(false);
        if (!spend.Spent)
        {
            return InclusionCommandOutcome.Refused.Of("InsufficientCoins", "coins", $"{Coins} 碳币 asked; {spend.Balance} are spendable today",
                RefusalKind.Conflict);
        }
        var donation = await data.InsertDonationAsync(new CoinDonation(0, work.Actor.UserId, Programme, cause.Code, Coins, work.Now, scopedKey))
            .ConfigureAwait(false);
        await work.JournalAsync("coins.donated", work.Actor.UserName, new
        {
            programme = programme.Id,
            cause = cause.Code,
            coins = Coins,
            donation = donation.Id,
            lapsed = spend.Lapsed,
        }).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(donation);
    }
}
