using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Cards;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>
/// An officer publishes a jurisdiction's list for a quarter that has ended (once; the rows are kept as published). A
/// list published after its due day (one month after the quarter, by the rules) is published, and marked late. A quarter
/// that ends before the jurisdiction's first rules apply has no list.
/// </summary>
public sealed record PublishCardList(string Jurisdiction, Quarter Quarter) : ICardsCommand
{
    public sealed record Form(string? Jurisdiction, string? Quarter);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => CardsRoles.Officers;

    public static bool TryParse(Form form, CardRuleSets rules, [NotNullWhen(true)] out PublishCardList? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(rules);
        var read = new FieldReader();
        var jurisdiction = read.Among(form.Jurisdiction, "jurisdiction", rules.Codes);
        if (!Quarter.TryParse(form.Quarter, out var quarter, out var reason))
        {
            read.Fail("quarter", "Quarter", $"quarter: {reason}");
        }
        else if (jurisdiction is not null)
        {
            rules.RequireInForce(read, jurisdiction, quarter.Value.End, quarter.Value.ToString(), "quarter");
        }
        command = read.IsValid ? new PublishCardList(jurisdiction!, quarter!.Value) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<CardsCommandOutcome> ExecuteAsync(CardsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Today <= Quarter.End)
        {
            return new CardsCommandOutcome.Refused("QuarterNotOver", "quarter", $"{Quarter} ends on {Quarter.End:yyyy-MM-dd}; its list is published after", RefusalKind.Conflict);
        }
        var rules = work.Rules.InForce(Jurisdiction, Quarter.End)!;
        var data = work.Session.EnergyCards;
        var list = CardListBuilder.Build(rules, Quarter, await data.CardsAsync(null).ConfigureAwait(false), await data.ViolationsAsync(null).ConfigureAwait(false))
            with { PublishedAt = work.Now, PublishedBy = work.Actor.UserName };
        if (!await data.InsertListAsync(list).ConfigureAwait(false))
        {
            return new CardsCommandOutcome.Refused("ListPublished", "quarter", $"{Jurisdiction} {Quarter} is published already", RefusalKind.Conflict);
        }
        await work.JournalAsync("list.published", $"{Jurisdiction}-{Quarter}", new
        {
            rules = rules.Id,
            quarter = Quarter.ToString(),
            due = list.Due,
            late = list.Late,
            cards = list.Rows.Select(r => new { r.Card, r.OrganisationCode, colour = r.Colour.ToString(), r.InForceAtEnd }),
            supervised = list.Supervised.Select(s => s.OrganisationCode),
        }).ConfigureAwait(false);
        return new CardsCommandOutcome.Completed(list);
    }
}
