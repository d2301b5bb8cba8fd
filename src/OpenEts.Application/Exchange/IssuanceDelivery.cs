using OpenEts.Domain.Cash;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Exchange;

/// <summary>
/// What one delivery-versus-payment settlement of primary issuance (有偿发放) moves: <paramref name="Reference"/> names it in
/// both ledgers (<c>auction/3/bid/7</c>: the payment <c>…/pay</c>, the registry request key itself); the buyer pays
/// <paramref name="ValueFen"/> from <paramref name="Reservation"/> to the system account <paramref name="Payee"/>; the units
/// come from the registry's issuance account to <paramref name="Holding"/>. No exchange fee is charged on primary issuance.
/// </summary>
public sealed record IssuanceDelivery(
    string Reference, Organisation Buyer, AccountNumber Holding, long Reservation, CashAccountKind Payee, UnitClass Class, long Quantity,
    long ValueFen);
