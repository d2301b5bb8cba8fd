using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenEts.Domain.DualControl.Cards;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>
/// Reads a jurisdiction's card rules (dualcontrol/cards/*.json) into <see cref="CardRules"/> and checks them
/// (<see cref="CardRules.Check"/>); a broken file is refused with its problems, never half-loaded.
/// </summary>
public static class CardRulesJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads and checks <paramref name="json"/>.</summary>
    public static bool TryRead(string? json, [NotNullWhen(true)] out CardRules? rules, out IReadOnlyList<string> problems)
    {
        rules = null;
        RulesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RulesFile>(json ?? "", Options);
        }
        catch (JsonException e)
        {
            problems = [$"not a card-rules file ({e.Message})"];
            return false;
        }
        var missing = new List<string>();
        if (file is null)
        {
            problems = ["empty file"];
            return false;
        }
        void Need(object? value, string name)
        {
            if (value is null || value is string { Length: 0 })
            {
                missing.Add($"{name}: required");
            }
        }
        Need(file.Code, "code");
        Need(file.Version, "version");
        Need(file.Name, "name");
        Need(file.Jurisdiction, "jurisdiction");
        Need(file.Source, "source");
        Need(file.Triggers, "triggers");
        Need(file.RectificationDays, "rectificationDays");
        Need(file.YellowEscalates, "yellowEscalates");
        Need(file.ListWithinMonths, "listWithinMonths");
        Need(file.SupervisionQuarters, "supervisionQuarters");
        Need(file.SeriousExceedance, "seriousExceedance");
        Need(file.CreditGrades, "creditGrades");
        Need(file.CreditGradesSource, "creditGradesSource");
        Need(file.LevelsPerCard, "levelsPerCard");
        if (!DateOnly.TryParseExact(file.ValidFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var validFrom))
        {
            missing.Add("validFrom: a date yyyy-MM-dd");
        }
        foreach (var (t, i) in (file.Triggers ?? []).Select((t, i) => (t, i)))
        {
            if (t.Kind is null || t.Colour is null || string.IsNullOrWhiteSpace(t.Source))
            {
                missing.Add($"triggers[{i}]: kind, colour and source are required");
            }
        }
        if (missing.Count > 0)
        {
            problems = missing;
            return false;
        }
        var read = new CardRules(file.Code!, file.Version!, file.Name!, file.Jurisdiction!, validFrom, file.Source!, file.Confirmed,
            [.. file.Triggers!.Select(t => new CardTrigger(t.Kind!.Value, t.Colour!.Value, t.FineFromYuan, t.FineBelowYuan, t.Source!, t.Confirmed))],
            file.RectificationDays!.ToRule(), file.YellowEscalates!.ToRule(), file.ListWithinMonths!.ToRule(), file.SupervisionQuarters!.ToRule(),
            file.SeriousExceedance!.ToRule(), file.CreditGrades!, file.CreditGradesSource!, file.LevelsPerCard!.ToRule());
        problems = read.Check();
        rules = problems.Count == 0 ? read : null;
        return rules is not null;
    }

    private sealed record RulesFile(string? Code, string? Version, string? Name, string? Jurisdiction, string? ValidFrom, string? Source,
        bool Confirmed, IReadOnlyList<TriggerLine>? Triggers, NumberLine? RectificationDays, NumberLine? YellowEscalates,
        NumberLine? ListWithinMonths, NumberLine? SupervisionQuarters, NumberLine? SeriousExceedance, IReadOnlyList<string>? CreditGrades,
        string? CreditGradesSource, NumberLine? LevelsPerCard);

    private sealed record TriggerLine(ViolationKind? Kind, CardColour? Colour, decimal? FineFromYuan, decimal? FineBelowYuan, string? Source, bool Confirmed);

    private sealed record NumberLine(decimal Value, string? Source, bool Confirmed)
    {
        public RuleNumber ToRule() => new(Value, Source ?? "", Confirmed);
    }
}
