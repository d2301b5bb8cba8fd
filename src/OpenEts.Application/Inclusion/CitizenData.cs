using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Journal;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// Everything the platform holds about one citizen (个人信息副本, 个人信息保护法 Art. 45): the account, the profile and
/// consents, each programme's wallet, coin lots and daily rows, every raw action, every redemption and donation, and the journal
/// entries that name the account. <see cref="CitizenDataExport"/> writes it as JSON or .xlsx.
/// </summary>
public sealed record CitizenData(
    string UserName, string DisplayName, DateTimeOffset? DisabledAt, DateTimeOffset At, string NoticeVersion, CitizenProfile? Profile,
    IReadOnlyList<ConsentRecord> Consents, IReadOnlyList<CitizenData.Programme> Programmes, IReadOnlyList<InclusionEvent> Events,
    IReadOnlyList<CoinRedemption> Redemptions, IReadOnlyList<JournalEntry> Journal)
{
    /// <summary>Every gift of coins to a programme's cause, newest first.</summary>
    public IReadOnlyList<CoinDonation> Donations { get; init; } = [];

    /// <summary>One programme's wallet with its lots and daily rows.</summary>
    public sealed record Programme(InclusionWallet Wallet, IReadOnlyList<CoinLot> Lots, IReadOnlyList<DailyRollup> Daily);
}
