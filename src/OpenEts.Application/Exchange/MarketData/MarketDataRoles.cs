using OpenEts.Domain.Identity;

namespace OpenEts.Application.Exchange.MarketData;

/// <summary>Who may do what with market data. Reading it (tickers, K-lines, depth, statistics) is public.</summary>
public static class MarketDataRoles
{
    /// <summary>Import published statistics: the regulator and the exchange's operator (an exchange member role).</summary>
    public static IReadOnlyList<Role> ImportStatistics { get; } = [Role.Regulator, Role.ExchangeMember];
}
