namespace OpenEts.Domain.Inclusion;

/// <summary>
/// The consent notice (个人信息处理告知同意书) a citizen agrees to at sign-up: a version, and what is collected, why and
/// for how long (个人信息保护法 Art. 14, 17: informed, explicit, specific consent; Art. 15: it can be withdrawn; Art. 47:
/// deletion). A new version is a new notice: consent to an older one no longer permits processing until the citizen
/// agrees again. The texts are the pages' resources (<c>consent.item.CODE</c>, <c>consent.why.CODE</c>).
/// </summary>
public sealed class ConsentNotice
{
    private ConsentNotice(string version, DateOnly effectiveFrom, IReadOnlyList<PersonalDataItem> items)
    {
        Version = version;
        EffectiveFrom = effectiveFrom;
        Items = items;
    }

    /// <summary>The notice's version, e.g. <c>2026-11</c>.</summary>
    public string Version { get; }

    /// <summary>The Beijing day from which it is the notice in force.</summary>
    public DateOnly EffectiveFrom { get; }

    /// <summary>What is collected, in the order the notice lists it.</summary>
    public IReadOnlyList<PersonalDataItem> Items { get; }

    /// <summary>
    /// The notice in force. Retention periods are the platform's own choices [UNCONFIRMED: no programme publishes its
    /// retention]: raw actions are kept 400 days, long enough for a year's aggregation and its verification.
    /// </summary>
    public static ConsentNotice Current { get; } = new("2026-11", new DateOnly(2026, 11, 1),
    [
        new("account", Required: true, RetentionDays: null, KeptAfterErasure: false),
        new("nickname", Required: false, RetentionDays: null, KeptAfterErasure: false),
        new("contact", Required: false, RetentionDays: null, KeptAfterErasure: false),
        new("actions", Required: true, RetentionDays: 400, KeptAfterErasure: false),
        new("coins", Required: true, RetentionDays: null, KeptAfterErasure: false),
        new("totals", Required: true, RetentionDays: null, KeptAfterErasure: true),
    ]);

    /// <summary>
    /// True when a consent to <paramref name="version"/> (null: none, or withdrawn) permits processing under this notice:
    /// only consent to this very version does.
    /// </summary>
    public bool Permits(string? version) => string.Equals(version, Version, StringComparison.Ordinal);
}
