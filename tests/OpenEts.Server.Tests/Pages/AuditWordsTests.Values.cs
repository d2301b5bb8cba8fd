using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Registry;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Registry;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Audit;
using OpenEts.Server.Tests.Localization;

namespace OpenEts.Server.Tests.Pages;

/// <summary>Every code from a fixed set that the platform journals is named in both languages, with the code beside it.</summary>
public sealed partial class AuditWordsTests
{
    // Fields the use cases write from a value's text that are identifiers or free labels, not codes from a fixed set: unit
    // classes (GDEA-2017), a buffer share (10%), a quarter (2026Q3), a JSON path; and the rules of a close and of an
    // auction's reserve price, written inside a list the log shows by its count, or as a number.
    private static readonly HashSet<string> NotEnumerated = new(StringComparer.Ordinal)
    {
        "unitClass", "class", "code", "buffer", "quarter", "path", "rule",
    };

    [Theory]
    // Written by name since the offsets' payloads name their codes, and by number in older entries: both read the same.
    [InlineData("{\"details\":{\"category\":\"Forestry\",\"province\":\"FJ\"}}")]
    [InlineData("{\"details\":{\"category\":1,\"province\":\"FJ\"}}")]
    public void OffsetProjectSubmitted_ItsCategory_IsNamedWhetherWrittenByNameOrByNumber(string payload)
    {
        var fields = InChinese(() => AuditWords.Fields("offsets.project.submitted", payload));

        Assert.Contains(fields, f => f.Value == InChinese(() => Text.T("offsets.category.Forestry")) + " (Forestry)");
        Assert.Contains(fields, f => f.Value == "福建 (FJ)");
    }

    [Fact]
    public void EveryNamedField_NamesEveryCodeInChineseAndEnglish()
    {
        var zh = Text.All(CultureInfo.InvariantCulture);
        var en = Text.All(new CultureInfo("en"));

        var unnamed = AuditValues.Fields.Where(f => f.Codes is not null)
            .SelectMany(f => f.Codes!.Select(code => (f, code, key: InChinese(() => AuditValues.KeyOf(f.KindPrefix, f.Field, code)))))
            .Where(x => x.key is null || !zh.ContainsKey(x.key) || !en.ContainsKey(x.key))
            .Select(x => $"{x.f.KindPrefix}* {x.f.Field}={x.code}");

        Assert.Empty(unnamed);
    }

    [Fact]
    public void EveryGridRegion_IsNamedInChineseAndEnglishAsAReportsRegionAndACorrectionsTarget()
    {
        // MRV's codes are named by MRV's own names (AuditValues.MrvCodeOf), outside the resource-keyed fields above.
        var zh = Text.All(CultureInfo.InvariantCulture);
        var en = Text.All(new CultureInfo("en"));
        var regions = DefaultFactors.Library.Grid.Select(g => g.Region).Distinct().ToList();
        (string Kind, string Field)[] written = [("mrv.report.saved", "region"), ("mrv.factors.published", "target")];

        var unnamed = regions.SelectMany(region => written.Select(w => (w.Kind, w.Field, Code: region, Key: "mrv.region." + region)))
            .Where(x => !zh.ContainsKey(x.Key) || !en.ContainsKey(x.Key)
                || InChinese(() => AuditValues.ShowNamed(x.Kind, x.Field, x.Code)) != $"{zh[x.Key]} ({x.Code})"
                || InCulture(new CultureInfo("en"), () => AuditValues.ShowNamed(x.Kind, x.Field, x.Code)) is null)
            .Select(x => $"{x.Kind} {x.Field}={x.Code}");

        Assert.Contains("south", regions);
        Assert.Empty(unnamed);
    }

    [Fact]
    public void EveryCodeOfTheProgrammeData_IsNamedByItsNameThereInEveryLanguage()
    {
        // Catalogue items are written with the programme's version id (coins spent) or its code (a voucher confirmed, a
        // merchant's items); causes with the version id; a forestry report's species on its own.
        var written = InclusionProgrammes.Shipped.All.SelectMany(p => p.Catalogue.SelectMany(i => new Written[]
            {
                new("inclusion.coins.redeemed", "item", i.Code, p.Id, i.Name),
                new("inclusion.redemption.confirmed", "item", i.Code, p.Code, i.Name),
                new("inclusion.merchant.registered", "items", i.Code, p.Code, i.Name),
            })
            .Concat(p.Causes.Select(c => new Written("inclusion.coins.donated", "cause", c.Code, p.Id, c.Name))))
            .Concat(ForestrySpecies.All.Select(s => new Written("offsets.report.submitted", "species", s.Code, null, s.Name)))
            .ToList();

        var unnamed = written.Where(w => InChinese(() => AuditValues.Show(w.Kind, w.Field, w.Code, w.Programme)) != $"{w.Name} ({w.Code})"
                || InCulture(new CultureInfo("en"), () => AuditValues.Show(w.Kind, w.Field, w.Code, w.Programme)) != $"{w.Name} ({w.Code})")
            .Select(w => $"{w.Kind} {w.Field}={w.Code} ({w.Programme})");

        Assert.Empty(unnamed);
        Assert.Equal(AuditValues.DataFields.Select(d => d.Field).Order(), written.Select(w => w.Field).Distinct().Order());
    }

    private sealed record Written(string Kind, string Field, string Code, string? Programme, string Name);

    [Fact]
    public void Fields_AnItemAndACauseOfOneCode_AreNamedEachFromItsOwnListInTheEntrysProgramme()
    {
        var confirmed = InChinese(() => AuditWords.Fields("inclusion.redemption.confirmed",
            """{"details":{"programme":"guangdong-tanpuhui","redemption":4,"item":"tree-planting","coins":50}}"""));
        var donated = InChinese(() => AuditWords.Fields("inclusion.coins.donated",
            """{"details":{"programme":"guangdong-tanpuhui-2022","cause":"tree-planting","coins":5}}"""));
        var elsewhere = InChinese(() => AuditWords.Fields("inclusion.redemption.confirmed",
            """{"details":{"programme":"shenzhen-tanpuhui","item":"tree-planting"}}"""));

        Assert.Equal("公益植树一棵 (tree-planting)", confirmed.Single(f => f.Name == "item").Value);
        Assert.Equal("植树造林（公益项目） (tree-planting)", donated.Single(f => f.Name == "cause").Value);
        Assert.Equal("tree-planting", elsewhere.Single(f => f.Name == "item").Value);
    }

    [Fact]
    public void EveryEnumeratedFieldTheUseCasesWrite_IsNamed()
    {
        // A use case writes a code as an enum's text ("kind = Kind.ToString()") or as the enum itself, which the MRV and
        // offsets payloads write by name ("from = report.Status").
        var root = Path.Combine(ResourceTests.RepositoryRoot(), "src", "OpenEts.Application");
        var named = AuditValues.Fields.Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
        var unnamed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            foreach (Match m in EnumeratedField().Matches(File.ReadAllText(file)))
            {
                var field = m.Groups[1].Value;
                if (!named.Contains(field) && !NotEnumerated.Contains(field))
                {
                    unnamed.Add($"{field} ({Path.GetFileName(file)}: {m.Value})");
                }
            }
        }

        Assert.Empty(unnamed);
    }

    [Fact]
    public void EveryEnumOfARegistryEvent_IsNamed()
    {
        // Registry events are journalled whole, their enums in camel case ("kind":"holding").
        var unnamed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in typeof(RegistryEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(RegistryEvent)) && !t.IsAbstract))
        {
            var kind = RegistryEventJson.KindOf((RegistryEvent)RuntimeHelpers.GetUninitializedObject(type));
            foreach (var property in type.GetProperties())
            {
                if ((Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) is { IsEnum: true } e)
                {
                    var field = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
                    unnamed.UnionWith(Enum.GetNames(e).Select(n => char.ToLowerInvariant(n[0]) + n[1..])
                        .Where(code => InChinese(() => AuditValues.KeyOf(kind, field, code)) is null)
                        .Select(code => $"{kind} {field}={code}"));
                }
            }
        }

        Assert.Empty(unnamed);
    }

    [Theory]
    [InlineData("energy.assessment.scored", "grade", "Exceeded", "超额完成 (Exceeded)", "Exceeded (超额完成)")]
    [InlineData("mrv.report.returned", "from", "Submitted", "已提交 (Submitted)", "Submitted")]
    [InlineData("offsets.report.returned", "from", "Verified", "已核证 (Verified)", "Verified")]
    [InlineData("exchange.listing.posted", "side", "Sell", "卖出 (Sell)", "Sell")]
    [InlineData("registry.account.opened", "kind", "holding", "控排企业账户 (holding)", "Holding")]
    [InlineData("user.access-changed", "role", "Auditor", "审计 (Auditor)", "Auditor")]
    [InlineData("exchange.account.suspended", "by", "member", "会员 (member)", "Member")]
    [InlineData("exchange.account.closed", "by", "exchange", "交易所 (exchange)", "Exchange")]
    [InlineData("exchange.block.withdrawn", "by", "exchange", "exchange", "exchange")]
    [InlineData("registry.offsets.class-defined", "hostProvince", "FJ", "福建 (FJ)", "福建 (FJ)")]
    [InlineData("offsets.project.submitted", "province", "GD", "广东 (GD)", "广东 (GD)")]
    [InlineData("offsets.project.submitted", "province", "ZZ", "ZZ", "ZZ")]
    [InlineData("exchange.day.closed", "rule", "NationalVwap", "全国：挂牌协议成交量加权平均价 (NationalVwap)", "National: VWAP of the day's listed trades (NationalVwap)")]
    [InlineData("mrv.plan.saved", "kind", "FuelCombustion", "化石燃料燃烧 (FuelCombustion)", "Fuel combustion (FuelCombustion)")]
    [InlineData("mrv.report.approved", "kind", "Clinker", "熟料产量 (Clinker)", "Clinker produced")]
    [InlineData("mrv.report.saved", "material", "raw-coal", "原煤 (raw-coal)", "Raw coal (raw-coal)")]
    [InlineData("mrv.report.saved", "unit", "MegawattHour", "MWh (MegawattHour)", "MWh (MegawattHour)")]
    [InlineData("mrv.report.saved", "region", "south", "南方区域电网 (south)", "China Southern grid")]
    [InlineData("mrv.report.saved", "region", "north", "华北区域电网 (north)", "North China grid")]
    [InlineData("mrv.report.saved", "region", "guangdong", "广东 (guangdong)", "Guangdong")]
    [InlineData("mrv.report.saved", "region", "zhejiang", "zhejiang", "zhejiang")]
    [InlineData("mrv.factors.published", "target", "southwest", "西南区域电网 (southwest)", "Southwest China grid")]
    [InlineData("mrv.factors.published", "target", "raw-coal", "原煤 (raw-coal)", "Raw coal (raw-coal)")]
    [InlineData("offsets.report.submitted", "species", "masson-pine", "马尾松 (masson-pine)", "马尾松 (masson-pine)")]
    [InlineData("inclusion.coins.redeemed", "item", "movie-ticket", "movie-ticket", "movie-ticket")]
    [InlineData("mrv.report.returned", "from", "Archived", "Archived", "Archived")]
    [InlineData("mrv.report.returned", "comments", "Submitted", "Submitted", "Submitted")]
    public void Fields_ACode_ShowsItsNameWithTheCodeBesideItOrTheCodeWhenItHasNoName(string kind, string field, string code, string chinese,
        string english)
    {
        var payload = $$"""{"{{field}}":"{{code}}"}""";

        Assert.Equal(chinese, InChinese(() => AuditWords.Fields(kind, payload)).Single().Value);
        Assert.Equal(english, InCulture(new CultureInfo("en"), () => AuditWords.Fields(kind, payload)).Single().Value);
    }

    [Fact]
    public void Fields_AListOfBehaviours_NamesEachBehaviour()
    {
        var fields = InChinese(() => AuditWords.Fields("inclusion.partner.key-issued", """{"name":"地铁","behaviours":["metro","walk"]}"""));

        Assert.Equal("地铁", fields.Single(f => f.Name == "name").Value);
        Assert.Equal("地铁出行 (metro)、步行 (walk)", fields.Single(f => f.Name == "behaviours").Value);
    }

    [Fact]
    public void Fields_TheOutcomesOfABatchOfActions_AreLabelledByTheRuleThatRefusedThem()
    {
        const string Payload = """{"details":{"programme":"gz","outcomes":{"Counted":5,"ImpossibleSpeed":2,"NewRule":1}}}""";

        var fields = InChinese(() => AuditWords.Fields("inclusion.actions.recorded", Payload));

        Assert.Equal(["gz", "5", "2", "1"], fields.Select(f => f.Value));
        Assert.Equal(["处理结果 · 已计入 (Counted)", "处理结果 · 不可能的速度 (ImpossibleSpeed)", "处理结果 · NewRule"], fields.Skip(1).Select(f => f.Label));
    }

    [Fact]
    public void Fields_AProgramme_IsTheCarbonInclusionProgrammeOrTheOffsetsMechanism()
    {
        var inclusion = InChinese(() => AuditWords.Fields("inclusion.actions.recorded", """{"details":{"programme":"gz"}}"""));
        var offsets = InChinese(() => AuditWords.Fields("offsets.project.submitted", """{"programme":"CCER"}"""));

        Assert.Equal("碳普惠项目", inclusion.Single().Label);
        Assert.Equal("机制", offsets.Single().Label);
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [GeneratedRegex("""(?<!var )\b([a-z]\w*) = [\w.?!()]*?(?:\.ToString\(\)|\.(?:Status|Kind|State|Colour|Grade|Side|Finding|Role|Scope)\b(?![.(]))(?!\s*(?:switch|==|!=))""")]
    private static partial Regex EnumeratedField();
}
