using OpenEts.Domain.Offsets;

namespace OpenEts.Server.Localization;

/// <summary>
/// The states a refusal's figures name by their codes (<c>returned</c>; <c>submitted or validated</c>), in the words the
/// pages show them (已退回；已申报或已审定), so that the rule's text with figures reads in the request's language.
/// </summary>
internal static class StateNames
{
    // The rules whose figures after the first (the reference) are states, and the resources that name those states.
    private static readonly Dictionary<string, (Type States, string Prefix)> Rules = new(StringComparer.Ordinal)
    {
        ["ProjectStatus"] = (typeof(ProjectStatus), "offsets.status."),
        ["MonitoringStatus"] = (typeof(MonitoringStatus), "offsets.reportstatus."),
    };

    /// <summary><paramref name="figures"/> with each state (or states joined by <c> or </c>) of <paramref name="rule"/> named.</summary>
    public static IReadOnlyList<string> Of(string rule, IReadOnlyList<string> figures)
    {
        if (!Rules.TryGetValue(rule, out var states))
        {
            return figures;
        }
        return [.. figures.Select((figure, i) => i == 0 ? figure : Named(figure, states.States, states.Prefix) ?? figure)];
    }

    private static string? Named(string figure, Type states, string prefix)
    {
        var names = new List<string>();
        foreach (var code in figure.Split(" or "))
        {
            if (code.Length == 0 || !code.All(char.IsAsciiLetter) || !Enum.TryParse(states, code, ignoreCase: true, out var state))
            {
                return null;
            }
            names.Add(Text.T(prefix + state));
        }
        return string.Join(Text.T("offsets.status.or"), names);
    }
}
