namespace OpenEts.Application.Inclusion;

/// <summary>A citizen's statement (我的碳账本): per programme their coins and reductions, their recent actions, redemptions and donations.</summary>
public sealed record CitizenStatement(
    string UserName, DateOnly Today, IReadOnlyList<ProgrammeStatement> Programmes, IReadOnlyList<InclusionEvent> Recent,
    IReadOnlyList<CoinRedemption> Redemptions)
{
    /// <summary>The latest gifts of coins to the programmes' causes, newest first.</summary>
    public IReadOnlyList<CoinDonation> Donations { get; init; } = [];
}
