using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEts.Application.Offsets;
using OpenEts.Domain.Offsets;

namespace OpenEts.Server.Tests.Pages;

/// <summary>The owner's forestry monitoring report with parameters measured on the stand instead of the species' defaults.</summary>
public sealed partial class OffsetsFormsPageTests
{
    private const string Evidence = "样地调查报告 2018-11（表单测试）";

    // A Chinese-fir stand as ReportedAsync files it, its four parameters measured, with their evidence.
    private static readonly KeyValuePair<string, string>[] MeasuredStand =
    [
        new("Monitoring.PeriodStart", "2018-01-01"), new("Monitoring.PeriodEnd", "2018-12-31"), new("Monitoring.Species", "chinese-fir"),
        new("Monitoring.AreaHectares", "1000"), new("Monitoring.GrowthPerHectare", "10"), new("Monitoring.BaselineTonnes", "500"),
        new("Monitoring.LeakageTonnes", "0"), new("Monitoring.ExpansionFactor", "1.7"), new("Monitoring.RootToShoot", "0.25"),
        new("Monitoring.WoodDensity", "0.35"), new("Monitoring.CarbonFraction", "0.5"), new("Monitoring.Evidence", Evidence),
    ];

    [Fact]
    public async Task Monitoring_ForestryReportWithMeasuredParameters_ClaimsWhatTheyComputeAndShowsThemWithTheirEvidence()
    {
        var id = await RegisteredAsync("FT0008", forestry: true);
        var page = await PageSession.SignInAsync(server, "power-a");
        var buffer = SubmitMonitoringReport.BufferOf(Programmes.Find("CCER")!.FindMethodology("AR-CM-003-V01")!);
        var defaults = ForestryInput.WithDefaults(ForestrySpecies.ChineseFir, 1000m, 10m, 500m, 0m);
        var measured = defaults with
        {
            ExpansionFactor = ForestryParameter.Measured(1.7m, Evidence), RootToShoot = ForestryParameter.Measured(0.25m, Evidence),
            WoodDensity = ForestryParameter.Measured(0.35m, Evidence), CarbonFraction = ForestryParameter.Measured(0.5m, Evidence),
        };
        var expected = ForestryCalculator.Compute(measured, buffer).Net.Value;
        using var owner = await server.SignedInAsync("power-a");
        var offered = FieldNames(await owner.GetStringAsync($"/Offsets/Project?id={id}", Ct), "monitoring-form");

        var result = await page.PostAsync(MeasuredForm(id, "Monitoring.Evidence"), Evidence);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var report = Assert.Single((await ProjectJsonAsync(id)).GetProperty("reports").EnumerateArray());
        var shown = Regex.Match(WebUtility.HtmlDecode(await owner.GetStringAsync($"/Offsets/Project?id={id}", Ct)),
            $"<span class=\"measured\" id=\"measured-{report.GetProperty("id").GetInt64()}\">([^<]*)</span>").Groups[1].Value;

        Assert.Subset(offered, MeasuredStand.Select(f => f.Key).ToHashSet());
        Assert.NotEqual(ForestryCalculator.Compute(defaults, buffer).Net.Value, expected);
        Assert.Equal(expected, report.GetProperty("claimedTonnes").GetDecimal());
        Assert.Equal(0, report.GetProperty("unconfirmed").GetArrayLength());
        Assert.Equal($"实测：BEF 1.7、R 0.25、D 0.35、CF 0.5 · 证据：{Evidence}", shown);
    }

    [Fact]
    public async Task Monitoring_RefusedForestryReport_KeepsTheMeasuredParametersAsTyped()
    {
        var id = await RegisteredAsync("FT0009", forestry: true);
        var page = await PageSession.SignInAsync(server, "power-a");

        var result = await page.PostAsync(MeasuredForm(id, "Monitoring.PeriodEnd"), "2019-02-01");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(("1.7", "0.25", "0.35", "0.5"), (Value(result.Body, "expansion-factor"), Value(result.Body, "root-to-shoot"),
            Value(result.Body, "wood-density"), Value(result.Body, "carbon-fraction")));
        Assert.Equal(Evidence, TextArea(result.Body, "evidence"));
        Assert.True(Marked(result.Body, "period-end"));
        Assert.False(Marked(result.Body, "expansion-factor"));
    }

    [Theory]
    [InlineData("FT0010", "Monitoring.ExpansionFactor", "expansion-factor", "abc", "生物量扩展因子")]
    [InlineData("FT0011", "Monitoring.WoodDensity", "wood-density", "1e30", "木材密度")]
    public async Task Monitoring_UnreadableMeasuredParameter_IsRefusedByNameAsTypedAndNothingIsFiled(string code, string field, string id,
        string typed, string label)
    {
        var project = await RegisteredAsync(code, forestry: true);
        var page = await PageSession.SignInAsync(server, "power-a");

        var result = await page.PostAsync(MeasuredForm(project, field), typed);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(typed, Value(result.Body, id));
        Assert.True(Marked(result.Body, id));
        Assert.StartsWith(label, FieldError(result.Body, id), StringComparison.Ordinal);
        Assert.Contains($"“{typed}”", FieldError(result.Body, id), StringComparison.Ordinal);
        Assert.Equal("0.5", Value(result.Body, "carbon-fraction"));
        Assert.Equal(0, (await ProjectJsonAsync(project)).GetProperty("reports").GetArrayLength());
    }

    [Theory]
    [InlineData("FT0012", "Monitoring.WoodDensity", "2", "wood-density")]
    [InlineData("FT0013", "Monitoring.Evidence", "", "evidence")]
    public async Task Monitoring_MeasuredParameterTheUseCaseRefuses_MarksItsField(string code, string field, string typed, string id)
    {
        var project = await RegisteredAsync(code, forestry: true);
        var page = await PageSession.SignInAsync(server, "power-a");

        var result = await page.PostAsync(MeasuredForm(project, field), typed);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.True(Marked(result.Body, id));
        Assert.NotEmpty(FieldError(result.Body, id));
        Assert.Equal("1.7", Value(result.Body, "expansion-factor"));
    }

    private static PageForm MeasuredForm(long project, string keyField) => new("monitoring", "power-a",
        $"/Offsets/Project?id={project}&handler=Monitoring", keyField, [.. MeasuredStand.Where(f => f.Key != keyField)]);

    // The names of the fields the form with this id offers.
    private static HashSet<string> FieldNames(string body, string form) =>
    [
        .. Regex.Matches(Regex.Match(body, $"<form [^>]*id=\"{form}\"[^>]*>.*?</form>", RegexOptions.Singleline).Value,
            "<(?:input|select|textarea)\\b[^>]*\\bname=\"([^\"]+)\"").Select(m => m.Groups[1].Value),
    ];

    private async Task<JsonElement> ProjectJsonAsync(long id)
    {
        using var owner = await server.SignedInAsync("power-a");
        return await owner.GetFromJsonAsync<JsonElement>($"/api/v1/offsets/projects/{id}", Ct);
    }
}
