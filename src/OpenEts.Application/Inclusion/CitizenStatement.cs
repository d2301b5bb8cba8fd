namespace OpenEts.Application.Inclusion;

/// <summary>A citizen's statement (我的碳账本): per programme their coins and reductions, their recent actions and redemptions.</summary>
public sealed record CitizenStatement(
    string UserName, DateOnly Today, IReadOnlyList<ProgrammeStatement> Programmes, IReadOnlyList<InclusionEvent> Recent,
    IReadOnlyList<CoinRedemption> Redemptions);
