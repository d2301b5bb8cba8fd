using System.Globalization;
using System.Text.RegularExpressions;
using OpenEts.Application.Audit;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Audit;
using OpenEts.Server.Tests.Localization;

namespace OpenEts.Server.Tests.Pages;

/// <summary>Every journal kind the platform writes has a name in both languages, so none reaches the audit log unnamed.</summary>
public sealed partial class AuditWordsTests
{
    // Dotted literals in the use cases that are not journal kinds: metric names, resource keys, file names and a kind prefix.
    private static readonly HashSet<string> NotKinds = new(StringComparer.Ordinal)
    {
        "energy.vetoed", "exchange.client.transfer", "styles.xml",
    };

    [Fact]
    public void EveryKind_HasANameInChineseAndEnglish()
    {
        var zh = Text.All(CultureInfo.InvariantCulture);
        var en = Text.All(new CultureInfo("en"));

        var unnamed = AuditKinds.All.Where(k => AuditWords.KindKey(k) is not { } key || !zh.ContainsKey(key) || !en.ContainsKey(key));
        var modules = AuditKinds.Modules.Select(m => "audit.module." + m.Module).Where(k => !zh.ContainsKey(k) || !en.ContainsKey(k));

        Assert.Empty(unnamed.Order());
        Assert.Empty(modules);
    }

    [Fact]
    public void EveryKindTheUseCasesWrite_IsAListedKind()
    {
        // A use case writes its kind whole ("registry.transfer.proposed") or through its module's prefix
        // ("card.lifted" becomes "cards.card.lifted"), so a literal is listed when a kind is it or ends with it.
        var root = Path.Combine(ResourceTests.RepositoryRoot(), "src", "OpenEts.Application");
        var unlisted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            foreach (Match m in DottedLiteral().Matches(File.ReadAllText(file)))
            {
                var literal = m.Groups[1].Value;
                if (!NotKinds.Contains(literal) && !literal.StartsWith("openets.", StringComparison.Ordinal)
                    && !AuditKinds.All.Any(k => k == literal || k.EndsWith("." + literal, StringComparison.Ordinal)))
                {
                    unlisted.Add($"{literal} ({Path.GetFileName(file)})");
                }
            }
        }

        Assert.Empty(unlisted);
    }

    [Fact]
    public void Fields_OfAnExchangeTrade_ShowFenAsYuanAndTonnes()
    {
        var fields = InChinese(() => AuditWords.Fields("exchange.trade.settled",
            """{"trade":7,"instrument":"CEA","price":8150,"quantity":1000,"buyerFee":123,"at":"2026-12-01T02:00:00+00:00"}"""));

        Assert.Equal(["trade", "instrument", "price", "quantity", "buyerFee"], fields.Select(f => f.Name));
        Assert.Equal("81.50 元", fields.Single(f => f.Name == "price").Value);
        Assert.Equal("1,000 吨", fields.Single(f => f.Name == "quantity").Value);
        Assert.Equal("1.23 元", fields.Single(f => f.Name == "buyerFee").Value);
    }

    [Fact]
    public void Fields_ATimeAndADetailsObject_ShowBeijingTimeAndTheDetailsInPlace()
    {
        var fields = InChinese(() => AuditWords.Fields("cards.card.lifted", """{"details":{"card":3,"expiresAt":"2026-12-01T02:00:00+00:00"}}"""));

        Assert.Equal("2026-12-01 10:00:00 (UTC+8)", fields.Single(f => f.Name == "expiresAt").Value);
        Assert.Equal("过期时间", fields.Single(f => f.Name == "expiresAt").Label);
    }

    private static T InChinese<T>(Func<T> read) => InCulture(CultureInfo.InvariantCulture, read);

    [GeneratedRegex("""(?<![\w$])"([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)"(?![\w])""")]
    private static partial Regex DottedLiteral();
}
