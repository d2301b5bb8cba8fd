using System.Text.Json;
using OpenEts.Domain.DualControl.Calculators;

namespace OpenEts.Application.DualControl.Calculators;

/// <summary>The social-cost-of-carbon values shipped with the platform (dualcontrol/scc.json, embedded), each with its source.</summary>
public sealed class SccSeries
{
    private const string Resource = "OpenEts.DualControl.scc.json";

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public SccSeries(IEnumerable<SocialCostOfCarbon> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        All = [.. values];
        if (All.Count == 0 || All.Any(v => v.UsdPerTonne <= 0m || string.IsNullOrWhiteSpace(v.Source))
            || All.GroupBy(v => v.Code, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            throw new InvalidOperationException("the SCC series needs at least one value, each with a unique code, a price > 0 and a source");
        }
    }

    /// <summary>The shipped series.</summary>
    public static SccSeries Shipped { get; } = Load();

    /// <summary>Every value, in the file's order (the first is the default).</summary>
    public IReadOnlyList<SocialCostOfCarbon> All { get; }

    /// <summary>The value with this code (null or blank: the first), or null for an unknown code.</summary>
    public SocialCostOfCarbon? Find(string? code) => string.IsNullOrWhiteSpace(code)
        ? All[0]
        : All.FirstOrDefault(v => string.Equals(v.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    private static SccSeries Load()
    {
        using var stream = typeof(SccSeries).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded");
        var file = JsonSerializer.Deserialize<SccFile>(stream, Options) ?? throw new InvalidOperationException("dualcontrol/scc.json is empty");
        return new SccSeries(file.Values);
    }

    private sealed record SccFile(string Note, IReadOnlyList<SocialCostOfCarbon> Values);
}
