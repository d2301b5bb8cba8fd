using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;

namespace OpenEts.Storage;

// Citizens' personal information (migration 0020): profiles, consents, erasure.
internal sealed partial class SqlSession
{
    async Task<CitizenProfile?> IInclusionData.CitizenAsync(long userId) =>
        (await QuerySingleOrDefaultAsync<CitizenRow>("""
            SELECT user_id AS UserId, nickname AS Nickname, contact AS Contact, signed_up_at AS SignedUpAt, consent_version AS ConsentVersion,
                consent_at AS ConsentAt, erased_at AS ErasedAt
            FROM inclusion_citizens WHERE user_id = @userId
            """, new { userId }).ConfigureAwait(false))?.ToProfile();

    Task IInclusionData.SaveCitizenAsync(CitizenProfile p) => ExecuteAsync("""
        INSERT INTO inclusion_citizens (user_id, nickname, contact, signed_up_at, consent_version, consent_at, erased_at)
        VALUES (@userId, @nickname, @contact, @signedUpAt, @consentVersion, @consentAt, @erasedAt)
        ON CONFLICT (user_id) DO UPDATE SET nickname = excluded.nickname, contact = excluded.contact,
            consent_version = excluded.consent_version, consent_at = excluded.consent_at, erased_at = excluded.erased_at
        """, new
    {
        userId = p.UserId,
        nickname = p.Nickname,
        contact = p.Contact,
        signedUpAt = Ms(p.SignedUpAt),
        consentVersion = p.ConsentVersion,
        consentAt = p.ConsentAt is { } c ? Ms(c) : (long?)null,
        erasedAt = p.ErasedAt is { } e ? Ms(e) : (long?)null,
    });

    async Task<IReadOnlyList<ConsentRecord>> IInclusionData.ConsentsAsync(long userId) =>
        [.. (await QueryAsync<ConsentRow>("""
            SELECT id AS Id, user_id AS UserId, version AS Version, given_at AS GivenAt, withdrawn_at AS WithdrawnAt
            FROM inclusion_consents WHERE user_id = @userId ORDER BY id DESC
            """, new { userId }).ConfigureAwait(false)).Select(r => r.ToRecord())];

    Task IInclusionData.InsertConsentAsync(long userId, string version, DateTimeOffset at) => ExecuteAsync(
        "INSERT INTO inclusion_consents (user_id, version, given_at) VALUES (@userId, @version, @at)", new { userId, version, at = Ms(at) });

    Task IInclusionData.WithdrawConsentsAsync(long userId, DateTimeOffset at) => ExecuteAsync(
        "UPDATE inclusion_consents SET withdrawn_at = @at WHERE user_id = @userId AND withdrawn_at IS NULL", new { userId, at = Ms(at) });

    Task IInclusionData.DeleteDailyAsync(long userId, string programme) => ExecuteAsync(
        "DELETE FROM inclusion_daily WHERE user_id = @userId AND programme = @programme", new { userId, programme });

    async Task<long> IInclusionData.ErasePersonalDataAsync(long userId, DateTimeOffset at)
    {
        if (connection is Npgsql.NpgsqlConnection)
        {
            // The keys of their events (migration 0057) hold sources (a card or meter id): they go with the events.
            await ExecuteAsync("""
                DELETE FROM inclusion_event_keys k USING inclusion_events e
                WHERE e.user_id = @userId AND k.source = e.source AND k.event_id = e.event_id
                """, new { userId }).ConfigureAwait(false);
        }
        var events = await ExecuteAsync("DELETE FROM inclusion_events WHERE user_id = @userId", new { userId }).ConfigureAwait(false);
        await ExecuteAsync("DELETE FROM inclusion_coin_lots WHERE user_id = @userId", new { userId }).ConfigureAwait(false);
        // A verifier's sampled copies stay as verification evidence, unlinked: the source (a card or meter id) goes.
        await ExecuteAsync("UPDATE inclusion_sample_events SET source = 'erased', user_id = NULL WHERE user_id = @userId", new { userId })
            .ConfigureAwait(false);
        await ExecuteAsync("UPDATE inclusion_redemptions SET code = '' WHERE user_id = @userId", new { userId }).ConfigureAwait(false);
        await ExecuteAsync("UPDATE inclusion_consents SET withdrawn_at = @at WHERE user_id = @userId AND withdrawn_at IS NULL",
            new { userId, at = Ms(at) }).ConfigureAwait(false);
        await ExecuteAsync("""
            INSERT INTO inclusion_citizens (user_id, nickname, contact, signed_up_at, consent_version, consent_at, erased_at)
            VALUES (@userId, NULL, NULL, @at, NULL, NULL, @at)
            ON CONFLICT (user_id) DO UPDATE SET nickname = NULL, contact = NULL, consent_version = NULL, consent_at = NULL, erased_at = excluded.erased_at
            """, new { userId, at = Ms(at) }).ConfigureAwait(false);
        return events;
    }

    private sealed class CitizenRow
    {
        public long UserId { get; set; }
        public string? Nickname { get; set; }
        public string? Contact { get; set; }
        public long SignedUpAt { get; set; }
        public string? ConsentVersion { get; set; }
        public long? ConsentAt { get; set; }
        public long? ErasedAt { get; set; }

        public CitizenProfile ToProfile() => new(UserId, Nickname, Contact, At(SignedUpAt), ConsentVersion, ConsentAt is { } c ? At(c) : null,
            ErasedAt is { } e ? At(e) : null);
    }

    private sealed class ConsentRow
    {
        public long Id { get; set; }
        public long UserId { get; set; }
        public string Version { get; set; } = "";
        public long GivenAt { get; set; }
        public long? WithdrawnAt { get; set; }

        public ConsentRecord ToRecord() => new(Id, UserId, Version, At(GivenAt), WithdrawnAt is { } w ? At(w) : null);
    }
}
