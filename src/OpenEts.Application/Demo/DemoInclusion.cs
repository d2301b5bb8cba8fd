using System.Globalization;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Demo;

/// <summary>
/// Demo citizens for carbon inclusion (碳普惠): four citizens with three weeks of actions before the seeding day, recorded
/// through <see cref="RecordActions"/> and one redemption each through <see cref="RedeemCoins"/>, a merchant per programme
/// (<see cref="RegisterMerchant"/>) and a data partner with a documented key, so that the inclusion pages show coins,
/// reductions, totals, shops and a partner on first start. Runs inside the demo market's seeding transaction (commands
/// run on that session; no second write transaction). Quantities are demo figures; the rules are the programmes'.
/// The server passes it to <see cref="DemoMarket"/>; tests that seed the demo market without it get no citizens' data.
/// </summary>
public sealed class DemoInclusion(InclusionProgrammes programmes)
{
    /// <summary>
    /// The demo citizens: user name, display name, programme and the version their actions are written for, and the
    /// catalogue item each redeems at the end. When another version (or none) is in force over the demo's three weeks — a
    /// test clock in 2017, say — the citizen is created without actions.
    /// </summary>
    public static IReadOnlyList<(string UserName, string DisplayName, string Programme, string Version, string Redeems)> Citizens { get; } =
    [
        ("citizen-gz", "陈市民（广州，地铁）", "guangdong-tanpuhui", "guangdong-tanpuhui-2022", "bus-fare-discount"),
        ("citizen-fs", "黄市民（佛山，公交、用电与屋顶光伏）", "guangdong-tanpuhui", "guangdong-tanpuhui-2022", "bus-fare-discount"),
        ("citizen-sz", "梁市民（深圳，地铁与光伏）", "shenzhen-tanpuhui", "shenzhen-tanpuhui-2022", ""),
        ("citizen-fz", "吴市民（福州，步行与单车）", "fuzhou-lvbao", "fuzhou-lvbao-2024", "movie-ticket"),
    ];

    /// <summary>
    /// The demo merchants (商户), one per programme: the organisation's credit code (without its check character), the
    /// shop's name and the catalogue item it honours. Demo companies double as shops so that their representatives
    /// (aviation-a, power-a, paper-a) can confirm citizens' codes on /Inclusion/Merchants.
    /// </summary>
    public static IReadOnlyList<(string Programme, string Organisation, string Name, string Items)> Merchants { get; } =
    [
        ("guangdong-tanpuhui", "91440101MA5CY1005", "南粤航空机场巴士（演示商户）", "bus-fare-discount"),
        ("shenzhen-tanpuhui", "91440101MA5CY1001", "珠江电力职工服务社（演示商户）", "metro-discount"),
        ("fuzhou-lvbao", "91440600MA5CY1004", "佛山纸业职工影院（演示商户）", "movie-ticket"),
    ];

    /// <summary>
    /// The demo data partner's key: published in docs/inclusion.md like the demo password, so that the partner API can be
    /// tried at once (<c>X-Partner-Key</c>). Demo only: it exists where the demo was seeded; revoke it on /Inclusion/Partners.
    /// </summary>
    public const string PartnerKeyText = "oetsp_demopartnerkeyshenzhentong234567";

    /// <summary>The demo data partner: its name, programme and the behaviours its key may submit.</summary>
    public static (string Name, string Programme, string Behaviours) Partner { get; } = ("深圳通（演示合作方）", "shenzhen-tanpuhui", "metro, bus");

    /// <summary>How many days of actions, ending the day before seeding.</summary>
    public const int Days = 21;

    /// <summary>
    /// The demo's crowd (市民): per programme, <see cref="CrowdSize"/> more citizens — user name prefix, display name
    /// prefix and the version their actions are written for — so that the public statistics of each programme describe
    /// enough citizens to be published (a programme's minimum group, 5 [UNCONFIRMED]) while a cell of fewer stays withheld
    /// (Guangdong's rooftop PV, which only citizen-fs reports). They sign in with the demo password like everyone else.
    /// The even-numbered redeem the programme's offer; where <c>Gives</c>, the odd-numbered give coins to its cause, and
    /// elsewhere (Shenzhen) they keep their coins, so that its cause starts with no donor.
    /// </summary>
    public static IReadOnlyList<(string Prefix, string DisplayName, string Programme, string Version, string Redeems, bool Gives)> Crowd { get; } =
    [
        ("crowd-gd-", "广东市民", "guangdong-tanpuhui", "guangdong-tanpuhui-2022", "bus-fare-discount", true),
        ("crowd-sz-", "深圳市民", "shenzhen-tanpuhui", "shenzhen-tanpuhui-2022", "metro-discount", false),
        ("crowd-fz-", "福州市民", "fuzhou-lvbao", "fuzhou-lvbao-2024", "movie-ticket", true),
    ];

    /// <summary>How many crowd citizens each programme has.</summary>
    public const int CrowdSize = 10;

    /// <summary>
    /// The crowd's nicknames, ten a programme in the order of <see cref="Crowd"/>: they signed up as any citizen does
    /// (a profile with the consent in force, no contact), so the month's top list names them by nickname.
    /// </summary>
    public static IReadOnlyList<string> CrowdNicknames { get; } =
    [
        "早班地铁人", "珠江骑行者", "天河通勤族", "番禺节电户", "越秀步行家", "佛山公交迷", "东莞低碳侠", "白云绿行", "海珠小陈", "荔湾阿梅",
        "南山地铁控", "福田节能家", "宝安公交族", "罗湖绿生活", "龙岗骑士", "深湾晨跑", "前海低碳人", "光明绿叶", "坪山小李", "盐田海风",
        "鼓楼步行者", "台江单车侠", "仓山绿行", "晋安晨练", "马尾海风", "闽江漫步", "榕城骑行", "三坊七巷客", "西湖晨走", "乌山绿友",
    ];

    /// <summary>The user names of the crowd, in order: <c>crowd-gd-01</c> … <c>crowd-fz-10</c>.</summary>
    public static IEnumerable<string> CrowdUserNames =>
        Crowd.SelectMany(c => Enumerable.Range(1, CrowdSize).Select(i => CrowdUserName(c.Prefix, i)));

    private static string CrowdUserName(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:00}");

    /// <summary>Inserts the demo citizens with <paramref name="passwordHash"/> and records their actions and redemptions.</summary>
    public async Task SeedAsync(IStoreSession session, DateTimeOffset now, string passwordHash)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var (userName, displayName, programme, version, redeems) in Citizens)
        {
            await SeedCitizenAsync(session, now, passwordHash, (userName, displayName, programme, version),
                () => Actions(userName, now), redeems, donates: 0).ConfigureAwait(false);
        }
        for (var c = 0; c < Crowd.Count; c++)
        {
            var (prefix, displayName, programme, version, redeems, gives) = Crowd[c];
            for (var i = 1; i <= CrowdSize; i++)
            {
                var index = i;
                var userName = CrowdUserName(prefix, i);
                var even = i % 2 == 0;
                await SeedCitizenAsync(session, now, passwordHash,
                    (userName, string.Create(CultureInfo.InvariantCulture, $"{displayName} {i:00}（演示）"), programme, version),
                    () => CrowdActions(programme, userName, index, now), even ? redeems : "", donates: gives && !even ? 5 + i : 0,
                    nickname: CrowdNicknames[(c * CrowdSize) + i - 1])
                    .ConfigureAwait(false);
            }
        }
        await SeedMerchantsAndPartnerAsync(new InclusionWork(session, Actor.System, now, programmes)).ConfigureAwait(false);
    }

    private async Task SeedCitizenAsync(IStoreSession session, DateTimeOffset now, string passwordHash,
        (string UserName, string DisplayName, string Programme, string Version) citizen,
        Func<IEnumerable<RecordActions.ActionForm>> actions, string redeems, long donates, string? nickname = null)
    {
        var (userName, displayName, programme, version) = citizen;
        var today = InclusionTime.DayOf(now);
        var user = await session.Users.InsertAsync(new UserRecord(0, userName, displayName, Role.Citizen, null, passwordHash, 0, null), now)
            .ConfigureAwait(false);
        await session.Journal.AppendAsync(now, Actor.System.UserName, "user.created", userName,
            Json.Object(("role", Role.Citizen.ToString()), ("organisation", null), ("source", "demo"))).ConfigureAwait(false);
        if (nickname is not null)
        {
            await CitizenSignUpHandler.RecordSignUpAsync(session, user, nickname, null, ConsentNotice.Current.Version, now).ConfigureAwait(false);
        }
        if (programmes.InForce(programme, today.AddDays(-Days))?.Id != version || programmes.InForce(programme, today)?.Id != version)
        {
            return;
        }
        var actor = new Actor(user.Id, user.UserName, user.Role, null);
        var work = new InclusionWork(session, actor, now, programmes);
        if (!RecordActions.TryParse(new RecordActions.Form(programme, [.. actions()]), programmes, out var record, out var errors))
        {
            throw new InvalidOperationException($"demo actions of {userName} do not parse: {string.Join("; ", errors.Select(e => e.Message))}");
        }
        Ensure(await record.ExecuteAsync(work).ConfigureAwait(false), userName);
        if (redeems.Length > 0)
        {
            if (!RedeemCoins.TryParse(new RedeemCoins.Form(programme, redeems, "demo-" + userName), programmes, out var redeem, out _))
            {
                throw new InvalidOperationException($"demo redemption of {userName} does not parse");
            }
            Ensure(await redeem.ExecuteAsync(work).ConfigureAwait(false), userName);
        }
        if (donates > 0)
        {
            var cause = programmes.InForce(programme, today)!.Causes[0].Code;
            if (!DonateCoins.TryParse(new DonateCoins.Form(programme, cause, donates, "demo-donation-" + userName), programmes, out var donate, out _))
            {
                throw new InvalidOperationException($"demo donation of {userName} does not parse");
            }
            Ensure(await donate.ExecuteAsync(work).ConfigureAwait(false), userName);
        }
    }

    private async Task SeedMerchantsAndPartnerAsync(InclusionWork work)
    {
        foreach (var (programme, organisation, name, items) in Merchants)
        {
            if (!RegisterMerchant.TryParse(new RegisterMerchant.Form(programme, organisation + CreditCode.CheckCharacter(organisation), name, items),
                programmes, out var register, out var errors))
            {
                throw new InvalidOperationException($"demo merchant {name} does not parse: {string.Join("; ", errors.Select(e => e.Message))}");
            }
            Ensure(await register.ExecuteAsync(work).ConfigureAwait(false), name);
        }
        if (!IssuePartnerKey.TryParse(new IssuePartnerKey.Form(Partner.Name, Partner.Programme, Partner.Behaviours), programmes, out var issue, out _))
        {
            throw new InvalidOperationException($"demo partner {Partner.Name} does not parse");
        }
        Ensure(await issue.IssueAsync(work, PartnerKey.FromText(PartnerKeyText)!).ConfigureAwait(false), Partner.Name);
    }

    /// <summary>The demo actions of one citizen: weekday commutes, and walks, rides, meter readings as the programme rewards them.</summary>
    internal static IEnumerable<RecordActions.ActionForm> Actions(string userName, DateTimeOffset now)
    {
        var today = InclusionTime.DayOf(now);
        for (var back = Days; back >= 1; back--)
        {
            var day = today.AddDays(-back);
            var weekday = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            string Id(string what) => $"{userName}-{date}-{what}";
            var spread = (decimal)(day.DayNumber % 5);
            switch (userName)
            {
                case "citizen-gz" when weekday:
                    yield return new(Id("am"), "demo-gz-metro", "metro", $"{date}T08:10:00+08:00", 1m, 35m);
                    yield return new(Id("pm"), "demo-gz-metro", "metro", $"{date}T18:20:00+08:00", 1m, 35m);
                    break;
                case "citizen-fs":
                    if (weekday)
                    {
                        yield return new(Id("bus"), "demo-fs-bus", "bus", $"{date}T07:50:00+08:00", 8m + spread, 30m);
                    }
                    yield return new(Id("meter"), "demo-fs-meter-0417", "electricity", $"{date}T23:00:00+08:00", 1.6m + (spread / 10m));
                    // A 30 kW village rooftop (整县推进) at 3.2–3.8 sun-hours a day: 95–115 kWh, about 60 kg a day, so that the
                    // demo's three weeks of Guangdong hold more than the 1 t an aggregation files (AggregatePeriod.Minimum).
                    yield return new(Id("pv"), "demo-fs-pv-30kw", "solar-pv", $"{date}T19:30:00+08:00", 95m + (spread * 5m));
                    break;
                case "citizen-sz":
                    if (weekday)
                    {
                        yield return new(Id("metro"), "demo-sz-metro", "metro", $"{date}T08:30:00+08:00", 14m + spread, 30m);
                    }
                    yield return new(Id("pv"), "demo-sz-pv-22", "solar-pv", $"{date}T19:00:00+08:00", 9m + spread);
                    break;
                case "citizen-fz":
                    yield return new(Id("walk"), "demo-fz-steps", "walk", $"{date}T21:00:00+08:00", 8000m + (spread * 500m));
                    if (weekday)
                    {
                        yield return new(Id("bike"), "demo-fz-bike", "bike", $"{date}T08:00:00+08:00", 3m, 20m);
                        yield return new(Id("bus"), "demo-fz-bus", "bus", $"{date}T17:40:00+08:00", 6m, 25m);
                    }
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// The demo actions of crowd citizen <paramref name="i"/> (1–10) of a programme over the same three weeks: commutes on
    /// most weekdays (each citizen skips a different day in four), by metro or bus by turns, meter readings for two in three,
    /// walks and rides in Fuzhou; distances and steps vary with <paramref name="i"/> so that no two citizens rank alike.
    /// </summary>
    internal static IEnumerable<RecordActions.ActionForm> CrowdActions(string programme, string userName, int i, DateTimeOffset now)
    {
        var today = InclusionTime.DayOf(now);
        for (var back = Days; back >= 1; back--)
        {
            var day = today.AddDays(-back);
            var weekday = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            var commutes = weekday && (day.DayNumber + i) % 4 != 0;
            var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            string Id(string what) => $"{userName}-{date}-{what}";
            string At(int hour, int minute) => string.Create(CultureInfo.InvariantCulture, $"{date}T{hour:00}:{minute:00}:00+08:00");
            var byMetro = i % 2 == 0;
            switch (programme)
            {
                case "guangdong-tanpuhui":
                    if (commutes && byMetro)
                    {
                        // Guangzhou's metro counts a trip whatever its length, so each takes the evening train home on a
                        // different two days in three, and no two rank alike.
                        yield return new(Id("am"), $"demo-{userName}-card", "metro", At(7, 30 + i), 1m, 30m + i);
                        if ((day.DayNumber + i) % 3 != 0)
                        {
                            yield return new(Id("pm"), $"demo-{userName}-card", "metro", At(18, i), 1m, 30m + i);
                        }
                    }
                    else if (commutes)
                    {
                        yield return new(Id("am"), $"demo-{userName}-card", "bus", At(7, 20 + i), 4m + i, 25m + i);
                        yield return new(Id("pm"), $"demo-{userName}-card", "bus", At(17, 50 + i), 4m + i, 25m + i);
                    }
                    if (i % 3 != 1)
                    {
                        yield return new(Id("meter"), $"demo-{userName}-meter", "electricity", At(23, 0), 1.2m + (i / 10m));
                    }
                    break;
                case "shenzhen-tanpuhui":
                    if (commutes)
                    {
                        yield return new(Id("am"), $"demo-{userName}-card", byMetro ? "metro" : "bus", At(8, i), 6m + i, 25m + i);
                        yield return new(Id("pm"), $"demo-{userName}-card", byMetro ? "metro" : "bus", At(18, 10 + i), 6m + i, 25m + i);
                    }
                    if (i % 3 != 1)
                    {
                        yield return new(Id("meter"), $"demo-{userName}-meter", "electricity", At(23, 0), 1.4m + (i / 10m));
                    }
                    break;
                case "fuzhou-lvbao":
                    yield return new(Id("walk"), $"demo-{userName}-steps", "walk", At(21, 0), 9000m + (i * 800m) + ((day.DayNumber % 3) * 400m));
                    if (commutes)
                    {
                        yield return byMetro
                            ? new(Id("bike"), $"demo-{userName}-bike", "bike", At(8, i), 2m + (i / 5m), 15m + i)
                            : new(Id("bus"), $"demo-{userName}-bus", "bus", At(8, i), 5m, 20m + i);
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private static void Ensure(InclusionCommandOutcome outcome, string userName)
    {
        if (outcome is not InclusionCommandOutcome.Completed)
        {
            throw new InvalidOperationException($"demo inclusion seeding of {userName} was refused: {outcome}");
        }
    }
}
