using System.Text.Json;
using System.Text.Json.Serialization;
using OpenEts.Domain.Compliance;
using OpenEts.Domain.Registry;
using Xunit;

namespace OpenEts.Domain.Tests.Compliance;

public sealed class ComplianceRulesTests
{
    // How a plan document carries its compliance section: camelCase, enums by name.
    private static readonly JsonSerializerOptions PlanJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private const string Guangdong2017 = """
        {
          "allowanceJurisdiction": "GD",
          "surrenderDeadline": "2018-06-20",
          "offsets": {
            "programmes": ["ccer", "phcer"],
            "maxShareOfEmissions": 0.10,
            "homeProvince": "GD",
            "minInProvinceShare": 0.70,
            "minInProvinceShareWithDesignatedAreaPhcer": 0.60,
            "excludedCategories": ["hydropower"],
            "excludeFossilFuelEnergy": true,
            "excludePreCdm": true,
            "excludedHostProvinces": ["BJ", "TJ", "SH", "CQ", "HB"],
            "excludeOwnBoundary": true,
            "minCo2Ch4Share": 0.50,
            "provinceTotalCap": 1500000,
            "inProvinceFirst": true
          },
          "penalties": { "deductionMultiple": 2, "fineYuanMin": 50000, "fineYuanMax": 50000,
                         "priceMultipleMin": null, "priceMultipleMax": null },
          "sources": [
            { "field": "surrenderDeadline", "reference": "guangdong.md §1.4a", "confirmed": true },
            { "field": "offsets.provinceTotalCap", "reference": "guangdong.md §1.5", "confirmed": false }
          ]
        }
        """;

    [Fact]
    public void Deserialize_PlanSectionInCamelCase_ReadsEveryRule()
    {
        var rules = JsonSerializer.Deserialize<ComplianceRules>(Guangdong2017, PlanJson)!;

        Assert.Equal(new DateOnly(2018, 6, 20), rules.SurrenderDeadline);
        Assert.Equal([UnitType.Ccer, UnitType.Phcer], rules.Offsets.Programmes);
        Assert.Equal([ProjectCategory.Hydropower], rules.Offsets.ExcludedCategories);
        Assert.Equal((0.10m, 0.70m, 0.60m, 1_500_000L), (rules.Offsets.MaxShareOfEmissions, rules.Offsets.MinInProvinceShare,
            rules.Offsets.MinInProvinceShareWithDesignatedAreaPhcer, rules.Offsets.ProvinceTotalCap));
        Assert.Equal((2m, 50_000m), (rules.Penalties.DeductionMultiple, rules.Penalties.FineYuanMin));
        Assert.Empty(rules.Problems());
    }

    [Fact]
    public void Serialize_ThenDeserialize_GivesEqualRules()
    {
        var rules = JsonSerializer.Deserialize<ComplianceRules>(Guangdong2017, PlanJson)!;

        var again = JsonSerializer.Deserialize<ComplianceRules>(JsonSerializer.Serialize(rules, PlanJson), PlanJson)!;

        Assert.Equal(JsonSerializer.Serialize(rules, PlanJson), JsonSerializer.Serialize(again, PlanJson));
    }

    [Fact]
    public void IsUnconfirmed_FlaggedOrMissingSource_IsTrue()
    {
        var rules = JsonSerializer.Deserialize<ComplianceRules>(Guangdong2017, PlanJson)!;

        Assert.False(rules.IsUnconfirmed("surrenderDeadline"));
        Assert.True(rules.IsUnconfirmed("offsets.provinceTotalCap"));
        Assert.True(rules.IsUnconfirmed("penalties.fineYuanMin"));
    }

    [Fact]
    public void Problems_ShareAboveOneAndBadFineRange_NamesTheFields()
    {
        var rules = JsonSerializer.Deserialize<ComplianceRules>(Guangdong2017, PlanJson)!;
        var bad = rules with
        {
            Offsets = rules.Offsets with { MaxShareOfEmissions = 1.5m },
            Penalties = rules.Penalties with { FineYuanMin = 30_000m, FineYuanMax = 20_000m },
        };

        var problems = bad.Problems();

        Assert.Contains(problems, p => p.StartsWith("offsets.maxShareOfEmissions", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("penalties.fineYuan", StringComparison.Ordinal));
    }
}
