using OpenEts.Application.Inclusion;

namespace OpenEts.Server.Api;

// Citizens' personal information: the notice, consent and erasure as the API returns them.
internal static partial class InclusionViews
{
    public sealed record NoticeItemView(string Code, bool Required, int? RetentionDays, bool KeptAfterErasure);

    public sealed record ConsentView(string Version, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt);

    public sealed record PrivacyView(string UserName, string NoticeVersion, IReadOnlyList<NoticeItemView> Notice, bool Consented,
        string? Nickname, string? Contact, DateTimeOffset? SignedUpAt, IReadOnlyList<ConsentView> Consents);

    public sealed record ErasedView(string UserName, long EventsDeleted, long CoinsForfeited);

    public static PrivacyView Privacy(CitizenPrivacy p) => new(p.UserName, p.Notice.Version,
        [.. p.Notice.Items.Select(i => new NoticeItemView(i.Code, i.Required, i.RetentionDays, i.KeptAfterErasure))], p.Consented,
        p.Profile?.Nickname, p.Profile?.Contact, p.Profile?.SignedUpAt,
        [.. p.Consents.Select(c => new ConsentView(c.Version, c.GivenAt, c.WithdrawnAt))]);

    public static ErasedView Erased(CitizenErased e) => new(e.UserName, e.EventsDeleted, e.CoinsForfeited);
}
