using System.Globalization;

namespace OpenEts.Server.Pages.Registry;

/// <summary>How the registry pages show what the registry reads give them.</summary>
internal static class RegistryRows
{
    /// <summary>Serial blocks as the page shows them (<c>1–3,000,000</c>), from the export form (<c>1-3000000</c>).</summary>
    public static string ShowBlocks(string blocks) =>
        string.Join(' ', blocks.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(b =>
            b.Split('-') is [var first, var last]
            && long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var f)
            && long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var l)
                ? f.ToString("N0", CultureInfo.InvariantCulture) + "–" + l.ToString("N0", CultureInfo.InvariantCulture)
                : b));
}
