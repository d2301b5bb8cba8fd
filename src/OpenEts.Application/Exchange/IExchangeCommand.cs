using OpenEts.Domain.Identity;

namespace OpenEts.Application.Exchange;

/// <summary>One exchange operation: who may ask, and what it does inside the exchange's one write transaction.</summary>
public interface IExchangeCommand
{
    IReadOnlyList<Role> Roles { get; }

    Task<ExchangeOutcome> RunAsync(ExchangeWork work);
}
