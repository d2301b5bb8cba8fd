namespace OpenEts.Domain.Inclusion;

/// <summary>
/// One kind of personal information (个人信息) a programme's platform holds about a citizen, as the consent notice states
/// it: what (<see cref="Code"/>, whose text the pages show), whether sign-up needs it, and how long it is kept.
/// </summary>
/// <param name="Code">The item's code (account, nickname, contact, actions, coins, totals); the pages show its text.</param>
/// <param name="Required">True when sign-up cannot go without it.</param>
/// <param name="RetentionDays">How long it is kept after it is collected, in days; null: until the account is deleted.</param>
/// <param name="KeptAfterErasure">True for what stays after erasure because it is no longer personal (anonymised totals).</param>
public sealed record PersonalDataItem(string Code, bool Required, int? RetentionDays, bool KeptAfterErasure);
