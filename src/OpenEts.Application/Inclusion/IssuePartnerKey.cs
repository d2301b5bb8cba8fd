using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The regulator issues a data partner an API key (签发合作方密钥), scoped to one programme and the behaviours the partner
/// measures. The key is in the outcome only (<see cref="PartnerKeyIssued"/>): it is shown once and stored as its hash.
/// With the partner's ECDSA P-256 public key (<see cref="PartnerSignature"/>), every event sent with the key must be
/// signed under it; without, the key alone authenticates a batch. The journal records the partner, its scope, the key's
/// first characters (never the key) and the signing key's fingerprint.
/// </summary>
public sealed record IssuePartnerKey(string Name, PartnerScope Scope, string? SigningKey = null) : IInclusionCommand
{
    /// <summary>The longest partner name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>As typed: the partner's name, the programme's code, behaviour codes separated by commas.</summary>
    public sealed record Form(string? Name, string? Programme, string? Behaviours, string? PublicKey = null);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Regulators;

    public static bool TryParse(Form form, InclusionProgrammes programmes, [NotNullWhen(true)] out IssuePartnerKey? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(programmes);
        var read = new FieldReader();
        var name = read.Name(form.Name, MaxNameLength, "the partner's name");
        var programme = read.Programme(programmes, form.Programme);
        var behaviours = new List<Behaviour>();
        foreach (var code in FieldReader.Text(form.Behaviours).Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Behaviours.Find(code) is { } b)
            {
                if (!behaviours.Contains(b))
                {
                    behaviours.Add(b);
                }
            }
            else
            {
                read.Fail("behaviours", "UnknownValue", $"behaviours: each is one of {string.Join(", ", Behaviours.Codes)}");
            }
        }
        if (behaviours.Count == 0)
        {
            read.Fail("behaviours", "Required", "behaviours: at least one behaviour the partner measures");
        }
        string? signingKey = null;
        if (!string.IsNullOrWhiteSpace(form.PublicKey) && (signingKey = PartnerSignature.ReadPublicKey(form.PublicKey, out var why)) is null)
        {
            read.Fail("publicKey", "PublicKey", $"publicKey: {why}; give the partner's ECDSA P-256 public key as PEM (BEGIN PUBLIC KEY) or base64 DER");
        }
        command = read.IsValid ? new IssuePartnerKey(name, new PartnerScope(programme!, behaviours), signingKey) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await IssueAsync(work, PartnerKey.FromRandom(RandomNumberGenerator.GetBytes(PartnerKey.RandomBytes))).ConfigureAwait(false);
    }

    /// <summary>Issues <paramref name="key"/> (random, except the documented demo partner's).</summary>
    internal async Task<InclusionCommandOutcome> IssueAsync(InclusionWork work, PartnerKey key)
    {
        // A behaviour the programme does not reward could never be counted: a key for it would only send refusals.
        var versions = work.Programmes.Versions(Scope.Programme);
        var programme = work.Programmes.InForce(Scope.Programme, work.Today) ?? (versions.Count > 0 ? versions[^1] : null);
        var unrewarded = programme is null ? [] : Scope.Behaviours.Where(b => programme.Find(b) is null).Select(Behaviours.CodeOf).ToList();
        if (unrewarded.Count > 0)
        {
            return new InclusionCommandOutcome.Refused("NotRewarded", "behaviours",
                $"behaviours: {programme!.Id} does not reward {string.Join(", ", unrewarded)}; it rewards "
                + string.Join(", ", programme.Behaviours.Select(b => Behaviours.CodeOf(b.Behaviour))), RefusalKind.Malformed);
        }
        var partner = await work.Session.Inclusion.InsertPartnerAsync(new InclusionPartner(0, Name, Scope, key.Shown, PartnerKey.Hash(key.Value), work.Now,
            work.Actor.UserName, null, SigningKey)).ConfigureAwait(false);
        await work.JournalAsync("partner.key-issued", $"partner-{partner.Id}", new
        {
            name = Name,
            programme = Scope.Programme,
            behaviours = Scope.Behaviours.Select(Behaviours.CodeOf),
            key = key.Shown,
            signingKey = partner.SigningKeyFingerprint,
        }).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(new PartnerKeyIssued(partner, key.Value));
    }
}
