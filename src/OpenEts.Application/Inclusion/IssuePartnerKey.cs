using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using OpenEts.Application.Forms;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The regulator issues a data partner an API key (签发合作方密钥), scoped to one programme and the behaviours the partner
/// measures. The key is in the outcome only (<see cref="PartnerKeyIssued"/>): it is shown once and stored as its hash.
/// The journal records the partner, its scope and the key's first characters, never the key.
/// </summary>
public sealed record IssuePartnerKey(string Name, PartnerScope Scope) : IInclusionCommand
{
    /// <summary>The longest partner name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>As typed: the partner's name, the programme's code, behaviour codes separated by commas.</summary>
    public sealed record Form(string? Name, string? Programme, string? Behaviours);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Regulators;

    public static bool TryParse(Form form, InclusionProgrammes programmes, [NotNullWhen(true)] out IssuePartnerKey? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(programmes);
        var read = new FieldReader();
        var name = FieldReader.Text(form.Name);
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            read.Fail("name", "Required", $"name: the partner's name, 1–{MaxNameLength} characters");
        }
        var programme = programmes.Codes.FirstOrDefault(c => string.Equals(c, FieldReader.Text(form.Programme), StringComparison.OrdinalIgnoreCase));
        if (programme is null)
        {
            read.Fail("programme", "UnknownValue", $"programme is one of: {string.Join(", ", programmes.Codes)}");
        }
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
        command = read.IsValid ? new IssuePartnerKey(name, new PartnerScope(programme!, behaviours)) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var key = PartnerKey.FromRandom(RandomNumberGenerator.GetBytes(PartnerKey.RandomBytes));
        var partner = await work.Session.Inclusion.InsertPartnerAsync(new InclusionPartner(0, Name, Scope, key.Shown, PartnerKey.Hash(key.Value), work.Now,
            work.Actor.UserName, null)).ConfigureAwait(false);
        await work.JournalAsync("partner.key-issued", $"partner-{partner.Id}", new
        {
            name = Name,
            programme = Scope.Programme,
            behaviours = Scope.Behaviours.Select(Behaviours.CodeOf),
            key = key.Shown,
        }).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(new PartnerKeyIssued(partner, key.Value));
    }
}
