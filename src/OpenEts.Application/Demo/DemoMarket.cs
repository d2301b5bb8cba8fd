using OpenEts.Application.Identity;
using OpenEts.Application.Organisations;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Demo;

/// <summary>
/// The demo market seeded into an empty database: a Guangdong-style regulator, five covered companies in the sectors
/// of Guangdong's 2017 plan (reference/guangdong.md §1.4), each with two representatives, a verification body, an
/// exchange and an auditor. All names are fictional (演示); credit codes are valid under GB 32100-2015.
/// </summary>
public sealed class DemoMarket(IStore store, IPasswordHashing hashing, DemoInclusion? citizens = null)
{
    /// <summary>The password of every demo sign-in. Printed at start and in the README; change it in production.</summary>
    public const string Password = "openets-demo";

    /// <summary>Who can sign in to the demo market.</summary>
    public static IReadOnlyList<DemoSignIn> SignIns { get; } =
    [
        new("regulator", "张主管", Role.Regulator, "11440000MB2C92013D"),
        new("regulator-b", "梁主管", Role.Regulator, "11440000MB2C92013D"),
        new("auditor", "刘审计", Role.Auditor, "11440000MB2C93017D"),
        new("verifier", "陈核查", Role.Verifier, "91440101MA5CY0001D"),
        new("exchange", "黄交易", Role.ExchangeMember, "91440101MA5CY0002D"),
        new("exchange-b", "徐交易", Role.ExchangeMember, "91440101MA5CY0002D"),
        new("power-a", "李电力", Role.CompanyRepresentative, "91440101MA5CY1001D"),
        new("power-b", "王电力", Role.CompanyRepresentative, "91440101MA5CY1001D"),
        new("cement-a", "赵水泥", Role.CompanyRepresentative, "91441800MA5CY1002D"),
        new("cement-b", "钱水泥", Role.CompanyRepresentative, "91441800MA5CY1002D"),
        new("steel-a", "孙钢铁", Role.CompanyRepresentative, "91440200MA5CY1003D"),
        new("steel-b", "周钢铁", Role.CompanyRepresentative, "91440200MA5CY1003D"),
        new("paper-a", "吴造纸", Role.CompanyRepresentative, "91440600MA5CY1004D"),
        new("paper-b", "郑造纸", Role.CompanyRepresentative, "91440600MA5CY1004D"),
        new("aviation-a", "冯航空", Role.CompanyRepresentative, "91440101MA5CY1005D"),
        new("aviation-b", "何航空", Role.CompanyRepresentative, "91440101MA5CY1005D"),
        new("citizen", "林市民", Role.Citizen, null),
    ];

    /// <summary>The demo organisations; each code gets its GB 32100-2015 check character.</summary>
    public static IReadOnlyList<Organisation> Organisations { get; } =
    [
        Org("11440000MB2C92013", "广东省生态环境厅（演示）", OrganisationKind.Regulator, Sector.Other, "广州市"),
        Org("11440000MB2C93017", "广东省审计厅（演示）", OrganisationKind.Auditor, Sector.Other, "广州市"),
        Org("91440101MA5CY0001", "粤衡碳核查有限公司（演示）", OrganisationKind.Verifier, Sector.Other, "广州市"),
        Org("91440101MA5CY0002", "南粤碳排放权交易所（演示）", OrganisationKind.Exchange, Sector.Other, "广州市"),
        Org("91440101MA5CY1001", "珠江示范发电有限公司", OrganisationKind.Company, Sector.Power, "广州市"),
        Org("91441800MA5CY1002", "北江示范水泥有限公司", OrganisationKind.Company, Sector.Cement, "清远市"),
        Org("91440200MA5CY1003", "韶关示范钢铁有限公司", OrganisationKind.Company, Sector.Steel, "韶关市"),
        Org("91440600MA5CY1004", "佛山示范纸业有限公司", OrganisationKind.Company, Sector.Paper, "佛山市"),
        Org("91440101MA5CY1005", "南粤示范航空有限公司", OrganisationKind.Company, Sector.Aviation, "广州市"),
    ];

    /// <summary>Seeds the demo market when the database has no organisations, everything at <paramref name="now"/>. Returns true when it seeded.</summary>
    public Task<bool> SeedIfEmptyAsync(DateTimeOffset now, CancellationToken ct) =>
        store.WriteAsync(async s =>
        {
            var hash = hashing.Hash(Password);
            if (await SeedMembersAsync(s, now, hash).ConfigureAwait(false) is not { } members)
            {
                return false;
            }
            await SeedPresentAsync(s, members, now, hash).ConfigureAwait(false);
            return true;
        }, ct);

    /// <summary>
    /// Seeds the demo market's organisations and sign-ins at <paramref name="joined"/> (the server passes
    /// <see cref="DemoTimeline.MembersJoin"/>, before the registry opens their accounts and the demo's history begins) when
    /// the database has no organisations; <see cref="SeedPresentAsync(DateTimeOffset, CancellationToken)"/> then adds what
    /// is dated today. Returns true when it seeded.
    /// </summary>
    public Task<bool> SeedMembersIfEmptyAsync(DateTimeOffset joined, CancellationToken ct) =>
        store.WriteAsync(async s => await SeedMembersAsync(s, joined, hashing.Hash(Password)).ConfigureAwait(false) is not null, ct);

    /// <summary>
    /// Seeds what the demo dates today, at <paramref name="now"/>: the companies' monitored meters, the citizens and the
    /// energy cards. Run after the rest of the demo, so that the journal's times only move forward.
    /// </summary>
    public Task SeedPresentAsync(DateTimeOffset now, CancellationToken ct) =>
        store.WriteAsync(async s =>
        {
            var members = await s.Organisations.ListAsync(new OrganisationFilter()).ConfigureAwait(false);
            await SeedPresentAsync(s, [.. members.Where(m => Organisations.Any(o => o.Code == m.Code))], now, hashing.Hash(Password))
                .ConfigureAwait(false);
            return true;
        }, ct);

    // The organisations and sign-ins (each with the demo password's hash), or null when the database has organisations already.
    private static async Task<IReadOnlyList<Organisation>?> SeedMembersAsync(IStoreSession s, DateTimeOffset joined, string hash)
    {
        if (await s.Organisations.CountAsync().ConfigureAwait(false) > 0)
        {
            return null;
        }
        var byPrefix = new Dictionary<string, Organisation>();
        foreach (var o in Organisations)
        {
            var saved = await s.Organisations.InsertAsync(o, joined).ConfigureAwait(false);
            byPrefix[o.Code.Value[..17]] = saved;
            await s.Journal.AppendAsync(joined, Actor.System.UserName, "entity.created", saved.Code.Value,
                Json.Object(("after", OrganisationView.From(saved)), ("source", "demo"))).ConfigureAwait(false);
        }
        foreach (var u in SignIns)
        {
            long? orgId = u.OrganisationCode is { } c ? byPrefix[c[..17]].Id : null;
            await s.Users.InsertAsync(new UserRecord(0, u.UserName, u.DisplayName, u.Role, orgId, hash, 0, null), joined)
                .ConfigureAwait(false);
            await s.Journal.AppendAsync(joined, Actor.System.UserName, "user.created", u.UserName,
                Json.Object(("role", u.Role.ToString()), ("organisation", u.OrganisationCode?[..17]), ("source", "demo")))
                .ConfigureAwait(false);
        }
        return [.. byPrefix.Values];
    }

    // The meters, the citizens (signing in with the demo password's hash) and the cards, dated now.
    private async Task SeedPresentAsync(IStoreSession s, IReadOnlyList<Organisation> members, DateTimeOffset now, string hash)
    {
        await DualControl.Monitoring.DemoMonitoring.SeedAsync(s, members, now).ConfigureAwait(false);
        await (citizens?.SeedAsync(s, now, hash) ?? Task.CompletedTask).ConfigureAwait(false);
        await DualControl.Cards.DemoCards.SeedAsync(s, now).ConfigureAwait(false);
    }

    private static Organisation Org(string first17, string name, OrganisationKind kind, Sector sector, string region)
    {
        var code = CreditCode.Parse(first17 + CreditCode.CheckCharacter(first17));
        // The demo's companies are covered by the Guangdong pilot (GD), whose 2017 plan the demo year runs.
        return new Organisation(0, code.Code, name, kind, sector, region, CoverageStatus.Covered,
            kind == OrganisationKind.Company ? MarketJurisdiction.Guangdong : null);
    }
}

/// <summary>A demo sign-in: user name, display name, role, and its organisation's code (first 17 characters count).</summary>
public sealed record DemoSignIn(string UserName, string DisplayName, Role Role, string? OrganisationCode);
