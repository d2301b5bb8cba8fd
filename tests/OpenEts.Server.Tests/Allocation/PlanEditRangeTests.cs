using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenEts.Server.Tests.Infrastructure;
using OpenEts.Server.Tests.Pages;

namespace OpenEts.Server.Tests.Allocation;

/// <summary>
/// A figure set outside the plan's bounds in the plan editor (a free share of 1.5) is refused as the platform refuses any
/// value: the edit named by its place and its figure in the plan's words, a platform rule with the value and the bounds, in
/// Chinese by default and in English on request — not the edited document's JSON path and the schema's English keyword.
/// </summary>
public sealed class PlanEditRangeTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Plan = "/Allocation/Plan?id=guangdong-2017&version=1";

    private static readonly string[] FreeShareAboveOne = ["free.power=1.5"];

    private static readonly string[] LimeBenchmark = ["benchmark.cement.lime=1"];

    private static readonly string[] TwoBadLines = ["free.power", "", "pre.share=abc"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("zh-CN", "第 1 个新数值（电力 · 免费分配比例）：1.5 超出允许的范围，须在 0 至 1 之间。")]
    [InlineData("en", "new value 1 (Power · free share): 1.5 is outside the allowed range, 0 to 1.")]
    public async Task EditApi_FreeShareAboveOne_Is400NamingTheEditByPlanWordsWithTheRangeRule(string language, string expected)
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/allocation/plans/guangdong-2017/1/edits")
        {
            Content = JsonContent.Create(new { edits = new[] { new { path = "$.sectors[0].freeShare", value = 1.5m, source = "粤发改气候〔2017〕" } } }),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await regulator.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var problem = JsonDocument.Parse(text).RootElement;

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Equal(("edits[0].value", "FigureRange"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.Equal(expected, problem.GetProperty("errors").GetProperty("edits[0].value")[0].GetString());
        Assert.DoesNotContain("should be at most", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"maximum\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "修改的数值 1（电力 · 免费分配比例）：1.5 超出允许的范围，须在 0 至 1 之间。")]
    [InlineData("en", "figure set 1 (Power · free share): 1.5 is outside the allowed range, 0 to 1.")]
    public async Task WhatIfApi_FreeShareAboveOne_NamesTheSetLineAndItsFigureWithTheRangeRule(string language, string expected)
    {
        using var regulator = await server.SignedInAsync("regulator");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/allocation/what-if")
        {
            Content = JsonContent.Create(new { plan = "guangdong-2017", year = 2017, set = FreeShareAboveOne }),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);

        using var response = await regulator.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var problem = JsonDocument.Parse(text).RootElement;

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Equal(("set[0]", "FigureRange"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.Equal(expected, problem.GetProperty("errors").GetProperty("set[0]")[0].GetString());
        Assert.DoesNotContain("$.sectors", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIfApi_TwoLinesThatDoNotRead_AreBothNamedByTheirPlaceAmongTheLines()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await regulator.PostAsJsonAsync("/api/v1/allocation/what-if",
            new { plan = "guangdong-2017", year = 2017, set = TwoBadLines }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Equal(["set[0]", "set[2]"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", "电力 · 免费分配比例：1.5 超出允许的范围，须在 0 至 1 之间。")]
    [InlineData("&culture=en&ui-culture=en", "Power · free share: 1.5 is outside the allowed range, 0 to 1.")]
    public async Task PlanEditor_FreeShareAboveOne_SaysTheBoundsNextToTheFigure(string culture, string expected)
    {
        var regulator = await PageSession.SignInAsync(server, "regulator");

        var shown = await regulator.PostAsync(new PageForm("plan", "regulator", Plan + culture, "",
            [new("Id", "guangdong-2017"), new("Version", "1"), new("Paths[0]", "$.sectors[0].freeShare"), new("Values[0]", "1.5"),
                new("Sources[0]", "粤发改气候〔2017〕")]), null);

        Assert.Contains($"<span class=\"field-error\">{expected}</span>", shown.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("should be at most", shown.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("$.sectors[0].freeShare.value", shown.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIfPage_FreeShareAboveOne_NamesTheLineAndItsFigureBesideTheBox()
    {
        using var regulator = await server.SignedInAsync("regulator");

        var html = await regulator.GetStringAsync("/Allocation/WhatIf?plan=guangdong-2017&year=2017&set=free.power%3D1.5", Ct);

        Assert.Contains("<span class=\"field-error\" id=\"set-error\">修改的数值 1（电力 · 免费分配比例）：1.5 超出允许的范围，须在 0 至 1 之间。</span>",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIfApi_AFigureThePlanDoesNotHave_IsNamedAsItsLine_AndAnUnknownPlanByItsChineseLabel()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var unknownFigure = await regulator.PostAsJsonAsync("/api/v1/allocation/what-if",
            new { plan = "guangdong-2017", year = 2017, set = LimeBenchmark }, Ct);
        using var unknownPlan = await regulator.PostAsJsonAsync("/api/v1/allocation/what-if",
            new { plan = "nope", year = 2017, set = FreeShareAboveOne }, Ct);
        var figure = JsonDocument.Parse(await unknownFigure.Content.ReadAsStringAsync(Ct)).RootElement;
        var plan = JsonDocument.Parse(await unknownPlan.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(("set[0]", "UnknownFigure"), (figure.GetProperty("field").GetString(), figure.GetProperty("rule").GetString()));
        Assert.StartsWith("修改的数值 1（benchmark.cement.lime）：", figure.GetProperty("errors").GetProperty("set[0]")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("分配方案：", plan.GetProperty("errors").GetProperty("plan")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditApi_APathThePlanDoesNotHave_IsNamedAsTheEditsPath()
    {
        using var regulator = await server.SignedInAsync("regulator");

        using var response = await regulator.PostAsJsonAsync("/api/v1/allocation/plans/guangdong-2017/1/edits",
            new { edits = new[] { new { path = "$.sectors[0].nothing", value = 1m, source = "粤发改气候〔2017〕" } } }, Ct);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("edits[0].path", "UnknownFigure"), (problem.GetProperty("field").GetString(), problem.GetProperty("rule").GetString()));
        Assert.StartsWith("第 1 个新数值（", problem.GetProperty("errors").GetProperty("edits[0].path")[0].GetString(), StringComparison.Ordinal);
    }
}
