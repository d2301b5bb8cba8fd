using OpenEts.Application.Forms;
using OpenEts.Domain.DualControl.Cards;

namespace OpenEts.Application.DualControl.Cards;

/// <summary>
/// The card rules shipped with the platform (dualcontrol/cards/*.json, embedded), read and checked once; a broken file
/// stops the platform at start with the file and its problems.
/// </summary>
public sealed class CardRuleSets
{
    private const string Prefix = "OpenEts.DualControl.Cards.";

    /// <summary>The rules given (tests, other deployments).</summary>
    public CardRuleSets(IEnumerable<CardRules> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        All = [.. rules.OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.ValidFrom)];
        if (All.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidOperationException($"card rules {duplicate.Key} are given twice");
        }
    }

    /// <summary>The shipped rules.</summary>
    public static CardRuleSets Shipped { get; } = new(LoadShipped());

    /// <summary>Every version, by jurisdiction code then first day.</summary>
    public IReadOnlyList<CardRules> All { get; }

    /// <summary>The jurisdiction codes, each once.</summary>
    public IReadOnlyList<string> Codes => [.. All.Select(r => r.Code).Distinct()];

    /// <summary>
    /// Refuses <paramref name="field"/> (rule <c>NoCardRules</c>) when <paramref name="code"/>'s rules do not reach
    /// <paramref name="day"/>, naming <paramref name="when"/> as asked (the day, or the quarter ending on it) and the
    /// jurisdiction's first version with its first day. No rules in force then say which violation earns which card, and a
    /// later version is not applied to what happened before it: no card is proposed, no list is made.
    /// </summary>
    public void RequireInForce(FieldReader read, string? code, DateOnly day, string when, string field)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (InForce(code, day) is null && First(code) is { } first)
        {
            read.FailOf(field, "NoCardRules",
                $"{first.Code} has no card rules in force for {when}: its first, {first.Id}, apply from {first.ValidFrom:yyyy-MM-dd}");
        }
    }

    /// <summary>
    /// The version of <paramref name="code"/> in force on <paramref name="day"/>, or null for an unknown code or a day
    /// before its first version (no list or preview then: the rules did not reach it).
    /// </summary>
    public CardRules? InForce(string? code, DateOnly day) =>
        All.LastOrDefault(r => string.Equals(r.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase) && r.ValidFrom <= day);

    /// <summary>The first version of <paramref name="code"/>, or null for an unknown code.</summary>
    public CardRules? First(string? code) => All.FirstOrDefault(r => string.Equals(r.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The version with this id (<c>tianjin-2017</c>), or null.</summary>
    public CardRules? Find(string? id) => All.FirstOrDefault(r => string.Equals(r.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static List<CardRules> LoadShipped()
    {
        var assembly = typeof(CardRuleSets).Assembly;
        var list = new List<CardRules>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            if (!CardRulesJson.TryRead(reader.ReadToEnd(), out var rules, out var problems))
            {
                throw new InvalidOperationException($"dualcontrol/cards/{name[Prefix.Length..]}: " + string.Join("; ", problems));
            }
            list.Add(rules);
        }
        return list;
    }
}
