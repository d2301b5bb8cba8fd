namespace OpenEts.Domain.Inclusion;

/// <summary>A behaviour a programme rewards: the methodology that quantifies it and the coin rule that rewards it.</summary>
public sealed record RewardedBehaviour(Behaviour Behaviour, InclusionMethodology Methodology, CoinRule Coins);
