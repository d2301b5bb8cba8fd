using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// Reads a carbon-inclusion programme file (inclusion/programmes/*.json) into an <see cref="InclusionProgramme"/> and
/// checks it (<see cref="ProgrammeRules"/>). Every problem names the JSON path (<c>$.behaviours[1].coins.per</c>) and
/// the rule broken, so a wrong file is refused with where and why, never half-loaded.
/// </summary>
public static class ProgrammeJson
{
    /// <summary>Reads and checks <paramref name="json"/>; on failure <paramref name="problems"/> lists each path and rule.</summary>
    public static bool TryRead(string? json, [NotNullWhen(true)] out InclusionProgramme? programme, out IReadOnlyList<ProgrammeProblem> problems)
    {
        programme = null;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json ?? "");
        }
        catch (JsonException e)
        {
            problems = [new ProgrammeProblem("$", "Json", $"not JSON ({e.Message})")];
            return false;
        }
        using (doc)
        {
            var r = new Reader();
            var read = r.Programme(doc.RootElement, "$");
            if (r.Problems.Count > 0 || read is null)
            {
                problems = r.Problems;
                return false;
            }
            problems = read.Check();
            programme = problems.Count == 0 ? read : null;
            return programme is not null;
        }
    }

    private sealed class Reader
    {
        public List<ProgrammeProblem> Problems { get; } = [];

        private void Fail(string path, string rule, string message) => Problems.Add(new ProgrammeProblem(path, rule, message));

        private bool Object(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                return true;
            }
            Fail(path, "Type", "an object is expected");
            return false;
        }

        private string Text(JsonElement o, string name, string path, bool required = true)
        {
            if (o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
            {
                return v.GetString()!.Trim();
            }
            if (required || (o.TryGetProperty(name, out var w) && w.ValueKind is not JsonValueKind.Null))
            {
                Fail($"{path}.{name}", "Required", $"{name} is a non-empty string");
            }
            return "";
        }

        private decimal? Number(JsonElement o, string name, string path, bool required = true)
        {
            if (o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d))
            {
                return d;
            }
            if (required || (o.TryGetProperty(name, out var w) && w.ValueKind is not JsonValueKind.Null))
            {
                Fail($"{path}.{name}", "Number", $"{name} is a number");
            }
            return null;
        }

        private long? Whole(JsonElement o, string name, string path, bool required = true)
        {
            var d = Number(o, name, path, required);
            if (d is { } v && (decimal.Truncate(v) != v || v > long.MaxValue || v < long.MinValue))
            {
                Fail($"{path}.{name}", "Integer", $"{name} is a whole number");
                return null;
            }
            return d is null ? null : (long)d.Value;
        }

        private bool Flag(JsonElement o, string name, string path)
        {
            if (o.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return v.GetBoolean();
            }
            Fail($"{path}.{name}", "Required", $"{name} is true or false (was the value read in its source?)");
            return false;
        }

        private TEnum Choice<TEnum>(JsonElement o, string name, string path, bool required = true) where TEnum : struct, Enum
        {
            var text = Text(o, name, path, required);
            if (text.Length == 0)
            {
                return default;
            }
            if (Enum.TryParse<TEnum>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var value) && Enum.IsDefined(value))
            {
                return value;
            }
            Fail($"{path}.{name}", "UnknownValue", $"{name} is one of: {string.Join(", ", Enum.GetNames<TEnum>().Select(Kebab))}");
            return default;
        }

        private static string Kebab(string name) =>
            string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

        private List<T> Array<T>(JsonElement o, string name, string path, Func<JsonElement, string, T?> item) where T : class
        {
            var list = new List<T>();
            if (!o.TryGetProperty(name, out var a) || a.ValueKind != JsonValueKind.Array)
            {
                Fail($"{path}.{name}", "Required", $"{name} is an array");
                return list;
            }
            var i = 0;
            foreach (var e in a.EnumerateArray())
            {
                if (item(e, $"{path}.{name}[{i++}]") is { } t)
                {
                    list.Add(t);
                }
            }
            return list;
        }

        private Behaviour? BehaviourOf(JsonElement o, string path, bool required)
        {
            var code = Text(o, "behaviour", path, required);
            if (code.Length == 0)
            {
                return null;
            }
            var b = Behaviours.Find(code);
            if (b is null)
            {
                Fail($"{path}.behaviour", "UnknownBehaviour", $"behaviour is one of: {string.Join(", ", Behaviours.Codes)}");
            }
            return b;
        }

        public InclusionProgramme? Programme(JsonElement o, string path)
        {
            if (!Object(o, path))
            {
                return null;
            }
            var validFromText = Text(o, "validFrom", path);
            DateOnly validFrom = default;
            if (validFromText.Length > 0 && !DateOnly.TryParseExact(validFromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out validFrom))
            {
                Fail($"{path}.validFrom", "Date", "validFrom is a date yyyy-MM-dd");
            }
            CoinTiming? timing = null;
            if (o.TryGetProperty("timing", out var t) && Object(t, $"{path}.timing"))
            {
                var after = Whole(t, "availableAfterDays", $"{path}.timing") ?? 0;
                var expiry = Whole(t, "expiryDays", $"{path}.timing", required: false);
                timing = new CoinTiming((int)Math.Clamp(after, -1, 367), expiry is { } x ? (int)Math.Clamp(x, 0, 3661) : null,
                    Text(t, "source", $"{path}.timing"), Flag(t, "confirmed", $"{path}.timing"));
            }
            else if (!o.TryGetProperty("timing", out _))
            {
                Fail($"{path}.timing", "Required", "timing states availableAfterDays (and expiryDays) with its source");
            }
            var phcer = Text(o, "phcerProject", path, required: false);
            // Optional: causes, and the minimum cell of public statistics (the platform's default when absent).
            var causes = o.TryGetProperty("causes", out _) ? Array(o, "causes", path, Cause) : [];
            var minimum = MinimumGroup.Default;
            if (o.TryGetProperty("publicStatistics", out var ps) && Object(ps, $"{path}.publicStatistics"))
            {
                minimum = new MinimumGroup((int)Math.Clamp(Whole(ps, "minimumCitizens", $"{path}.publicStatistics") ?? 0, 0, 100_000),
                    Text(ps, "source", $"{path}.publicStatistics"), Flag(ps, "confirmed", $"{path}.publicStatistics"));
            }
            // Optional: the yuan per coin the operator pays merchants (none: nothing can be settled).
            CoinValue? settlement = null;
            if (o.TryGetProperty("settlement", out var st) && Object(st, $"{path}.settlement"))
            {
                settlement = new CoinValue(Number(st, "yuanPerCoin", $"{path}.settlement") ?? 0, Text(st, "source", $"{path}.settlement"),
                    Flag(st, "confirmed", $"{path}.settlement"));
            }
            var programme = new InclusionProgramme(Text(o, "code", path), Text(o, "version", path), Text(o, "name", path), Text(o, "region", path),
                Text(o, "operator", path), validFrom, Array(o, "behaviours", path, Rewarded), Array(o, "caps", path, Cap), timing!,
                Array(o, "catalogue", path, Item), phcer.Length == 0 ? null : phcer, Text(o, "source", path), causes, minimum, settlement);
            return Problems.Count == 0 ? programme : null;
        }

        private RewardedBehaviour? Rewarded(JsonElement o, string path)
        {
            if (!Object(o, path))
            {
                return null;
            }
            var behaviour = BehaviourOf(o, path, required: true);
            var methodology = o.TryGetProperty("methodology", out var m) ? Methodology(m, $"{path}.methodology") : null;
            var coins = o.TryGetProperty("coins", out var c) ? Coins(c, $"{path}.coins") : null;
            if (methodology is null || coins is null)
            {
                Fail(path, "Required", "a rewarded behaviour has a methodology and coins");
                return null;
            }
            return behaviour is { } b ? new RewardedBehaviour(b, methodology, coins) : null;
        }

        private InclusionMethodology? Methodology(JsonElement o, string path)
        {
            if (!Object(o, path))
            {
                return null;
            }
            var design = new List<KeyValuePair<string, string>>();
            if (o.TryGetProperty("design", out var d) && d.ValueKind == JsonValueKind.Object)
            {
                foreach (var section in new[] { "scope", "applicability", "boundary", "baseline", "behaviourEmissions" })
                {
                    design.Add(new(section, Text(d, section, $"{path}.design")));
                }
            }
            else
            {
                Fail($"{path}.design", "Required", "a methodology has its design document: scope, applicability, boundary, baseline, behaviourEmissions (粤环发〔2022〕4号 annex)");
            }
            var parameters = Array(o, "parameters", path, (p, pp) => Object(p, pp)
                ? new SourcedValue(Text(p, "name", pp), Number(p, "value", pp) ?? 0, Text(p, "unit", pp), Text(p, "source", pp), Flag(p, "confirmed", pp))
                : null);
            return new InclusionMethodology(Text(o, "code", path), Text(o, "version", path), Text(o, "title", path),
                Choice<MethodologyFormula>(o, "formula", path), parameters, design, Text(o, "source", path));
        }

        private CoinRule? Coins(JsonElement o, string path) => Object(o, path)
            ? new CoinRule(Choice<CoinRuleKind>(o, "kind", path), Whole(o, "coins", path) ?? 0, Number(o, "per", path, required: false) ?? 0,
                o.TryGetProperty("measure", out _) ? Choice<CoinMeasure>(o, "measure", path) : CoinMeasure.Quantity, Text(o, "source", path),
                Flag(o, "confirmed", path))
            : null;

        private Cap? Cap(JsonElement o, string path) => Object(o, path)
            ? new Cap(Choice<CapScope>(o, "scope", path), BehaviourOf(o, path, required: false), Choice<CapPeriod>(o, "period", path),
                Whole(o, "maxActions", path, required: false), Whole(o, "maxCoins", path, required: false), Text(o, "source", path),
                Flag(o, "confirmed", path))
            : null;

        private DonationCause? Cause(JsonElement o, string path) => Object(o, path)
            ? new DonationCause(Text(o, "code", path), Text(o, "name", path), Text(o, "source", path), Flag(o, "confirmed", path))
            : null;

        private RedemptionItem? Item(JsonElement o, string path) => Object(o, path)
            ? new RedemptionItem(Text(o, "code", path), Text(o, "name", path), Whole(o, "coins", path) ?? 0, Text(o, "source", path),
                Flag(o, "confirmed", path))
            : null;
    }
}
