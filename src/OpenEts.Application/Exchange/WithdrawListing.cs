using OpenEts.Application.Cash;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The lister withdraws what is left of an open listing (撤牌): a sell's units come back from the clearing account, a buy's
/// cash reservation is released; a client's listing (客户) is withdrawn by its member's trader. Journalled as <c>exchange.listing.withdrawn</c>. The end of day does the same to every
/// listing still open (<see cref="ListingStatus.Expired"/>).
/// </summary>
/// <param name="Listing">The listing number.</param>
public sealed record WithdrawListing(long Listing) : IExchangeCommand
{
    public const string Kind = "exchange.listing.withdrawn";

    /// <summary>The journal kind of a listing that lapsed with its trading day.</summary>
    public const string ExpiredKind = "exchange.listing.expired";

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (own, _, notHolder) = await work.ActorAccountAsync().ConfigureAwait(false);
        if (notHolder is not null)
        {
            return notHolder;
        }
        // The lister's account is the actor's own or one of its member's clients'.
        if (await work.Session.Exchange.FindListingAsync(Listing).ConfigureAwait(false) is not { Status: ListingStatus.Open } listing
            || !await work.ActsForAsync(own!, listing.AccountId).ConfigureAwait(false))
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownListing, "listing", $"listing {Listing} is not an open listing of yours", RefusalKind.Conflict);
        }
        var listed = await work.Session.Exchange.FindInstrumentAsync(listing.Instrument).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"listing {Listing} names an unlisted instrument");
        var done = await EndAsync(work, listed, listing, ListingStatus.Withdrawn).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, ExchangeListing.Subject(listing.Id), false, null, [], Listing: done);
    }

    /// <summary>
    /// Ends a listing as <paramref name="status"/>: gives back what it froze for the tonnes left (a sell's units from the
    /// clearing account, a buy's whole remaining reservation, unused fee included), stores and journals it.
    /// </summary>
    internal static async Task<ExchangeListing> EndAsync(ExchangeWork work, ListedInstrument listed, ExchangeListing listing, ListingStatus status)
    {
        var subject = ExchangeListing.Subject(listing.Id);
        if (listing.Side == Side.Buy && listing.ReservationId is { } reservation)
        {
            var (_, organisation) = await work.OrganisationOfAsync(listing.AccountId).ConfigureAwait(false);
            if (await work.Cash.ReleaseAsync(organisation, reservation).ConfigureAwait(false) is CashResult.Refused refused)
            {
                throw new InvalidOperationException($"{subject}'s reservation could not be released: {refused.Message}");
            }
        }
        else if (listing.Side == Side.Sell && listing.Left > 0)
        {
            var (account, _) = await work.OrganisationOfAsync(listing.AccountId).ConfigureAwait(false);
            var reference = subject + "/release";
            if (work.Registry(l => l.Clear(RegistryService.UserOf(listing.UserName), work.Now, ExchangeWork.Key($"{reference}"),
                work.Options.ClearingAccount, account.HoldingAccount, listed.Instrument.Class, listing.Left, reference, ExchangeWork.Mandate(account)))
                is RegistryOutcome.Rejected r)
            {
                throw new InvalidOperationException($"{subject}'s units could not go back: {r.Reason}: {r.Message}");
            }
        }
        var done = listing with { Status = status, UpdatedAt = work.Now };
        await work.Session.Exchange.SaveListingAsync(done).ConfigureAwait(false);
        if (status != ListingStatus.Filled)
        {
            await work.JournalAsync(status == ListingStatus.Expired ? ExpiredKind : Kind, subject,
                new { listing = listing.Id, left = listing.Left, by = work.Actor.UserName }).ConfigureAwait(false);
        }
        return done;
    }
}
