using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The regulator lists an organisation on the register as a merchant (商户) of a programme, with the catalogue items it
/// honours (none listed: every item). Its representatives then confirm citizens' redemption codes. One listing per
/// organisation and programme. Completed with the <see cref="Merchant"/>.
/// </summary>
public sealed record RegisterMerchant(string Programme, CreditCode Organisation, string Name, IReadOnlyList<string> Items) : IInclusionCommand
{
    /// <summary>The longest shop name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>As typed: the programme's code, the organisation's 统一社会信用代码, the shop name, item codes separated by commas.</summary>
    public sealed record Form(string? Programme, string? Organisation, string? Name, string? Items);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Regulators;

    public static bool TryParse(Form form, InclusionProgrammes programmes, [NotNullWhen(true)] out RegisterMerchant? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(programmes);
        var read = new FieldReader();
        var programme = read.Programme(programmes, form.Programme);
        var code = CreditCode.Parse(form.Organisation);
        if (!code.Success)
        {
            read.Fail("organisation", "CreditCode", "organisation: credit code " + code.Message);
        }
        var name = read.Name(form.Name, MaxNameLength, "the shop's name");
        var items = FieldReader.Text(form.Items).Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(i => i.ToLowerInvariant()).Distinct().ToList();
        if (programme is not null && items.FirstOrDefault(i => programmes.All.Where(p => p.Code == programme).All(p => p.Item(i) is null)) is { } unknown)
        {
            read.Fail("items", "UnknownItem", $"items: {programme} lists no item {unknown}");
        }
        command = read.IsValid ? new RegisterMerchant(programme!, code.Code, name, items) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.Session.Organisations.FindByCodeAsync(Organisation).ConfigureAwait(false) is not { } organisation)
        {
            return new InclusionCommandOutcome.Refused("UnknownOrganisation", "organisation", $"{Organisation.Value} is not on the register", RefusalKind.Conflict);
        }
        var data = work.Session.Inclusion;
        if ((await data.MerchantsOfAsync(organisation.Id).ConfigureAwait(false)).Any(m => m.Programme == Programme))
        {
            return new InclusionCommandOutcome.Refused("MerchantListed", "organisation", $"{organisation.Name} is a merchant of {Programme} already", RefusalKind.Conflict);
        }
        var merchant = await data.InsertMerchantAsync(new Merchant(0, Programme, organisation.Id, Name, Items), work.Now, work.Actor.UserName)
            .ConfigureAwait(false);
        await work.JournalAsync("merchant.registered", $"merchant-{merchant.Id}", new
        {
            programme = Programme,
            organisation = Organisation.Value,
            name = Name,
            items = Items,
        }).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(merchant);
    }
}
