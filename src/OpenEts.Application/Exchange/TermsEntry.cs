using OpenEts.Domain.Organisations;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>Where new terms enter the exchange: the listed instrument, its book, and the actor's open trading account with its organisation.</summary>
public sealed record TermsEntry(ListedInstrument Listed, OrderBook Book, TradingAccount Account, Organisation Organisation);
