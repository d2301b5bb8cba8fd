using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Application.Identity;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The programme's operator settles a merchant for a period (商户结算): every redemption the merchant confirmed on those
/// Beijing days that no statement settled yet, valued at the programme's yuan per coin (<see cref="CoinValue"/>) in force
/// on its confirmation day, into one journaled statement. A redemption is settled once: a second statement over the same
/// days finds nothing (<c>NothingToSettle</c>). Who: a representative of the organisation that operates the programme
/// (owns its PHCER project; checked by <see cref="InclusionCommandHandler.SettleAsync"/>), or the regulator for a
/// programme whose operator is not on the platform. Completed with the <see cref="MerchantSettlement"/>.
/// </summary>
public sealed record SettleMerchant(long MerchantId, DateOnly PeriodStart, DateOnly PeriodEnd) : IInclusionCommand
{
    /// <summary>The longest period one statement covers (a year and a day).</summary>
    public const int MaxDays = 366;

    /// <summary>As typed: the merchant's id, the first and last Beijing days (yyyy-MM-dd).</summary>
    public sealed record Form(string? Merchant, string? PeriodStart, string? PeriodEnd);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Settlers;

    /// <summary>The programmes the actor operates, as <see cref="InclusionCommandHandler.SettleAsync"/> found them (none: only the regulator may settle).</summary>
    internal IReadOnlySet<string> Operated { get; init; } = new HashSet<string>();

    /// <summary>The period a settle form offers first: the Beijing month of <paramref name="now"/> up to its day.</summary>
    public static (DateOnly Start, DateOnly End) DefaultPeriod(DateTimeOffset now)
    {
        var today = InclusionTime.DayOf(now);
        return (new DateOnly(today.Year, today.Month, 1), today);
    }

    public static bool TryParse(Form form, [NotNullWhen(true)] out SettleMerchant? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        if (!long.TryParse(form.Merchant?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var merchant) || merchant <= 0)
        {
            read.Fail("merchant", "Required", "merchant: the merchant's number as listed");
        }
        var start = read.Date(form.PeriodStart, "periodStart");
        var end = read.Date(form.PeriodEnd, "periodEnd");
        // Named by the rule it breaks, with the days: the shared Period text speaks of a monitoring period within one year.
        if (read.IsValid && end < start)
        {
            read.FailOf("periodEnd", "Period", $"periodEnd: '{end:yyyy-MM-dd}' is before periodStart, {start:yyyy-MM-dd}");
        }
        else if (read.IsValid && end.DayNumber - start.DayNumber >= MaxDays)
        {
            read.FailOf("periodEnd", "PeriodTooLong", $"{start:yyyy-MM-dd} to {end:yyyy-MM-dd} is more than {MaxDays} days: one statement covers at most that");
        }
        command = read.IsValid ? new SettleMerchant(merchant, start, end) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var data = work.Session.Inclusion;
        if ((await data.MerchantsAsync().ConfigureAwait(false)).FirstOrDefault(m => m.Id == MerchantId) is not { } merchant)
        {
            return new InclusionCommandOutcome.Refused("UnknownMerchant", "merchant", $"no merchant has the number {MerchantId}", RefusalKind.Conflict);
        }
        if (work.Actor.Role != Role.Regulator && !Operated.Contains(merchant.Programme))
        {
            return new InclusionCommandOutcome.Refused("NotTheOperator", "merchant",
                $"your organisation does not operate {merchant.Programme} (it owns no PHCER project the programme files under)", RefusalKind.Forbidden);
        }
        var confirmed = await data.ConfirmedBetweenAsync(merchant.Id, InclusionTime.StartOf(PeriodStart), InclusionTime.StartOf(PeriodEnd.AddDays(1)))
            .ConfigureAwait(false);
        var settlement = Settlement.Make(confirmed.Select(c => (c.Voucher, InclusionTime.DayOf(c.Voucher.ConfirmedAt!.Value), c.Settled)), PeriodEnd,
            work.Today, day => work.Programmes.InForce(merchant.Programme, day)?.Settlement, out var rejection);
        if (settlement is null)
        {
            // The period's end is what lies after today, so it is the field named, with both days.
            return rejection == SettlementRejection.PeriodInFuture
                ? InclusionCommandOutcome.Refused.Of(nameof(SettlementRejection.PeriodInFuture), "periodEnd",
                    $"periodEnd: {PeriodEnd:yyyy-MM-dd} is after today, {work.Today:yyyy-MM-dd}", RefusalKind.Conflict)
                : new InclusionCommandOutcome.Refused(rejection!.Value.ToString(), "periodStart", rejection switch
                {
                    SettlementRejection.NoCoinValue => $"{merchant.Programme} states no yuan value per coin for these days",
                    _ => $"{merchant.Name} has no confirmed redemption left to settle from {PeriodStart:yyyy-MM-dd} to {PeriodEnd:yyyy-MM-dd}",
                }, RefusalKind.Conflict);
        }
        var saved = await data.InsertSettlementAsync(new MerchantSettlement(0, merchant.Id, merchant.Programme, PeriodStart, PeriodEnd,
            settlement.Lines.Count, settlement.Coins, settlement.Yuan, work.Now, work.Actor.UserName)).ConfigureAwait(false);
        // The store's single writer holds every redemption read above: none can have been settled since.
        if (await data.MarkSettledAsync(saved.Id, settlement.Lines).ConfigureAwait(false) != settlement.Lines.Count)
        {
            throw new InvalidOperationException($"statement {saved.Id}: a redemption was settled by another statement meanwhile");
        }
        await work.JournalAsync("merchant.settled", $"merchant-{merchant.Id}", new
        {
            settlement = saved.Id,
            programme = merchant.Programme,
            periodStart = PeriodStart,
            periodEnd = PeriodEnd,
            redemptions = saved.Redemptions,
            coins = saved.Coins,
            yuan = saved.Yuan,
        }).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(saved);
    }

    /// <summary>
    /// The programmes <paramref name="actor"/>'s organisation operates: those filing under a PHCER project it owns on the
    /// offsets register (none for anyone but a company representative).
    /// </summary>
    public static async Task<IReadOnlySet<string>> OperatedByAsync(Actor? actor, InclusionProgrammes programmes, OffsetsQueries offsets,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(programmes);
        ArgumentNullException.ThrowIfNull(offsets);
        if (actor is not { Role: Role.CompanyRepresentative, OrganisationId: { } organisation })
        {
            return new HashSet<string>();
        }
        var owned = (await offsets.ProjectsAsync(actor, UnitType.Phcer, null, ct).ConfigureAwait(false))
            .Where(p => p.Project.OrganisationId == organisation).Select(p => p.Project.Code).ToHashSet(StringComparer.Ordinal);
        return programmes.All.Where(p => p.PhcerProject is { } code && owned.Contains(code)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
    }
}
