using System.Text.Json;
using OpenEts.Domain.Allocation.Auction;

namespace OpenEts.Application.Auction;

/// <summary>The stored JSON of an auction's rules and reserve-price inputs (camelCase, as in a plan document).</summary>
public static class AuctionJson
{
    public static string Rules(AuctionRules rules) => JsonSerializer.Serialize(rules, Json.Options);

    public static AuctionRules ReadRules(string json) =>
        JsonSerializer.Deserialize<AuctionRules>(json, Json.Options) ?? throw new InvalidOperationException("an auction without rules");

    public static string Inputs(IReadOnlyList<ReservePriceInput> inputs) => JsonSerializer.Serialize(inputs, Json.Options);

    public static IReadOnlyList<ReservePriceInput> ReadInputs(string json) =>
        JsonSerializer.Deserialize<List<ReservePriceInput>>(json, Json.Options) ?? [];
}
