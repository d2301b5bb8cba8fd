using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The programmes shipped with the platform (inclusion/programmes/*.json, embedded), read and checked once; a shipped
/// file that breaks a rule stops the platform at start with the file, path and rule (never a half-loaded programme).
/// </summary>
public sealed class InclusionProgrammes
{
    private const string Prefix = "OpenEts.Inclusion.Programmes.";

    /// <summary>The programmes given (for tests and other deployments), by code then version.</summary>
    public InclusionProgrammes(IEnumerable<InclusionProgramme> programmes)
    {
        ArgumentNullException.ThrowIfNull(programmes);
        All = [.. programmes.OrderBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.ValidFrom)];
        var duplicate = All.GroupBy(p => p.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"programme {duplicate.Key} is given twice");
        }
    }

    /// <summary>The shipped programmes.</summary>
    public static InclusionProgrammes Shipped { get; } = new(LoadShipped());

    /// <summary>Every programme version, by code then first day.</summary>
    public IReadOnlyList<InclusionProgramme> All { get; }

    /// <summary>The programme codes, each once.</summary>
    public IReadOnlyList<string> Codes => [.. All.Select(p => p.Code).Distinct()];

    /// <summary>The version of <paramref name="code"/> in force on <paramref name="day"/>, or null (unknown code, or before its first version).</summary>
    public InclusionProgramme? InForce(string? code, DateOnly day)
    {
        // Asked once for every action recorded: a loop over the few versions, no delegate or iterator made.
        var trimmed = code?.Trim();
        InclusionProgramme? inForce = null;
        foreach (var p in All)
        {
            if (p.ValidFrom <= day && string.Equals(p.Code, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                inForce = p;
            }
        }
        return inForce;
    }

    /// <summary>The programme version with this id (<c>fuzhou-lvbao-2018</c>), or null.</summary>
    public InclusionProgramme? Find(string? id) =>
        All.FirstOrDefault(p => string.Equals(p.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The versions of <paramref name="code"/>, oldest first.</summary>
    public IReadOnlyList<InclusionProgramme> Versions(string code) =>
        [.. All.Where(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase))];

    private static List<InclusionProgramme> LoadShipped()
    {
        var assembly = typeof(InclusionProgrammes).Assembly;
        var list = new List<InclusionProgramme>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            if (!ProgrammeJson.TryRead(reader.ReadToEnd(), out var programme, out var problems))
            {
                throw new InvalidOperationException($"inclusion/programmes/{name[Prefix.Length..]}: " + string.Join("; ", problems));
            }
            list.Add(programme);
        }
        return list;
    }
}
