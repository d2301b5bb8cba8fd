using System.Security.Cryptography;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// Runs <see cref="SignUpCitizen"/>: checks the password policy, draws a pseudonym, and in one write transaction stores
/// the citizen's user (named by the pseudonym), profile and consent, and journals the sign-up with the pseudonym and the
/// notice version only (never the nickname or contact). Completed with <see cref="CitizenSignedUp"/>.
/// </summary>
public sealed class CitizenSignUpHandler(IStore store, IPasswordHashing hashing, TimeProvider clock)
{
    public async Task<InclusionCommandOutcome> HandleAsync(SignUpCitizen command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var pseudonym = CitizenPseudonym.FromRandom(RandomNumberGenerator.GetBytes(CitizenPseudonym.RandomBytes)).Value;
        if (PasswordPolicy.Check(command.Password, pseudonym) is { } weak)
        {
            return new InclusionCommandOutcome.Invalid([new FieldError("password", weak.Rule, "password: " + weak.Message)]);
        }
        // Hashing is slow on purpose: before the write transaction, which serialises every writer.
        var hash = hashing.Hash(command.Password);
        var now = clock.GetUtcNow();
        return await store.WriteAsync<InclusionCommandOutcome>(async s =>
        {
            var user = await s.Users.InsertAsync(new UserRecord(0, pseudonym, command.Nickname ?? pseudonym, Role.Citizen, null, hash, 0, null), now)
                .ConfigureAwait(false);
            await RecordSignUpAsync(s, user, command.Nickname, command.Contact, command.ConsentVersion, now).ConfigureAwait(false);
            return new InclusionCommandOutcome.Completed(new CitizenSignedUp(pseudonym, command.ConsentVersion));
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// What a sign-up keeps for the citizen <paramref name="user"/> just inserted: their profile (nickname and contact,
    /// each optional), the consent to <paramref name="consentVersion"/>, and the journal entry, which says whether a
    /// nickname and a contact were given, never what they are. The demo's crowd is signed up through it too.
    /// </summary>
    internal static async Task RecordSignUpAsync(IStoreSession s, UserRecord user, string? nickname, string? contact, string consentVersion,
        DateTimeOffset now)
    {
        await s.Inclusion.SaveCitizenAsync(new CitizenProfile(user.Id, nickname, contact, now, consentVersion, now, null)).ConfigureAwait(false);
        await s.Inclusion.InsertConsentAsync(user.Id, consentVersion, now).ConfigureAwait(false);
        await s.Journal.AppendAsync(now, user.UserName, SignUpCitizen.JournalKind, user.UserName,
            Json.Object(("details", new { consentVersion, nickname = nickname is not null, contact = contact is not null })))
            .ConfigureAwait(false);
    }
}
