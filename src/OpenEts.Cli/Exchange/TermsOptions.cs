using System.CommandLine;

namespace OpenEts.Cli.Exchange;

/// <summary>
/// The options of a verb that puts new terms to an instrument for a user (a listing, a block trade proposal): the
/// instrument, the side, the price, the quantity, the idempotency key, <c>--as</c> and <c>--db</c>, made once.
/// </summary>
internal sealed record TermsOptions(
    Option<string> Db, Option<string> Who, Option<string> Instrument, Option<string> Side, Option<decimal?> Price, Option<long?> Quantity,
    Option<string?> Key)
{
    /// <summary>The options, the side and quantity described for the verb.</summary>
    public static TermsOptions Create(string side, string quantity) => new(ExchangeVerb.Db(), ExchangeVerb.As(), ExchangeVerb.Instrument(),
        ExchangeVerb.Side(side), ExchangeVerb.Price(), new Option<long?>("--quantity") { Description = quantity, HelpName = "Q", Required = true },
        ExchangeVerb.Key());
}
