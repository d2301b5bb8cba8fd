using System.Globalization;
using System.Text.RegularExpressions;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Mrv;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Mrv;

namespace OpenEts.Server.Pages.Allocation;

/// <summary>
/// The allocation pages' codes in the page's language: a jurisdiction, a method, a pre-allocation basis, a calculation
/// step, and a plan figure named by its JSON path (<c>$.sectors[1].products[0].benchmark</c> reads 水泥 · 熟料 (clinker) ·
/// 基准值). A code the resources do not name is shown as it is; a product keeps its code beside its name.
/// </summary>
internal static partial class AllocationLabels
{
    /// <summary>A jurisdiction's name (<c>guangdong</c> → 广东).</summary>
    public static string Jurisdiction(string? code) => Named("alloc.jurisdiction.", code ?? "");

    /// <summary>An allocation method's name (<c>Benchmark</c> → 基准线法).</summary>
    public static string Method(AllocationMethod method) => Named("alloc.method.", method.ToString());

    /// <summary>A pre-allocation basis's name (<c>PreviousYearOutput</c> → 按上一年度产量).</summary>
    public static string Basis(PreAllocationBasis basis) => Named("alloc.basis.", basis.ToString());

    /// <summary>
    /// A calculation step's name (<c>pre-allocation</c> → 预分配); a product's step is the product's name beside its code
    /// (熟料生产 (clinker)), from <paramref name="products"/> (code → name).
    /// </summary>
    public static string Step(string step, IReadOnlyDictionary<string, string> products)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(products);
        var heat = step.EndsWith(" heat", StringComparison.Ordinal);
        var code = heat ? step[..^" heat".Length] : step;
        var name = products.TryGetValue(code, out var product) ? $"{product} ({code})" : Named("alloc.stepname.", code);
        return heat ? name + " " + Text.T("alloc.heat") : name;
    }

    /// <summary>
    /// A calculation term's source in the page's language, from its code and figures (<see cref="CalculationSources"/>):
    /// an MRV output by its name, a list of years joined as the language joins a list. A term stored before codes existed,
    /// or whose code the resources do not name, reads by its stored source.
    /// </summary>
    public static string Source(CalculationTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (term.Code is not { } code || !Text.Has("alloc.src." + code))
        {
            return term.Source;
        }
        return Text.T("alloc.src." + code, [.. term.Figures.Select(Figure)]);
    }

    /// <summary>
    /// An allocation's remark <paramref name="index"/> in the page's language, from its code and figures: a sector by its
    /// name, a product by its name beside its code (from <paramref name="products"/>), years joined as the language
    /// joins a list. A remark stored before remarks had codes, or whose code the resources do not name, reads as stored.
    /// </summary>
    public static string Note(EntityAllocation allocation, int index, IReadOnlyDictionary<string, string> products)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(products);
        if (allocation.NoteCodes.Count != allocation.Notes.Count || !Text.Has("alloc.note." + allocation.NoteCodes[index].Code))
        {
            return allocation.Notes[index];
        }
        var note = allocation.NoteCodes[index];
        return Text.T("alloc.note." + note.Code, [.. note.Figures.Select(f =>
            products.TryGetValue(f, out var product) ? $"{product} ({f})"
            : f.Length > 0 && char.IsLetter(f[0]) && Enum.TryParse<Domain.Organisations.Sector>(f, out var sector) ? Text.T(sector)
            : Figure(f))]);
    }

    // An MRV output by its name; a list of years joined as the language joins a list; anything else (a plan figure's
    // source reference, which is the plan's own text) as it is written.
    private static object Figure(string figure) =>
        OutputKinds.TryParse(figure, out var output) ? MrvText.Output(output)
        : figure.Split(", ") is { Length: > 1 } years && years.All(y => y.Length > 0 && y.All(char.IsAsciiDigit)) ? Text.List(years)
        : figure;

    /// <summary>
    /// A plan figure named by its JSON path, part by part: a sector by its name, a product by its name and code, a factor by
    /// its code, a figure by its name; a path that does not fit <paramref name="plan"/> reads as it is.
    /// </summary>
    public static string Path(AllocationPlan? plan, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (plan is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return path;
        }
        var parts = new List<string>();
        PlanSector? sector = null;
        PlanProduct? product = null;
        foreach (Match m in Part().Matches(path))
        {
            var key = m.Groups["key"].Value;
            var index = m.Groups["i"].Success ? int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture) : (int?)null;
            switch (key)
            {
                case "sectors" when index is { } i && i < plan.Sectors.Count:
                    sector = plan.Sectors[i];
                    parts.Add(Text.T(sector.Sector));
                    break;
                case "products" when index is { } i && sector is not null && i < sector.Products.Count:
                    product = sector.Products[i];
                    parts.Add($"{product.Name} ({product.Id})");
                    break;
                case "factors" when index is { } i && product is not null && i < product.Factors.Count:
                    parts.Add($"{Text.T("alloc.fig.factor")} {product.Factors[i].Id}");
                    break;
                case "value":
                    break;
                default:
                    parts.Add(Named("alloc.fig.", key) + (index is { } n ? " " + (n + 1).ToString(CultureInfo.InvariantCulture) : ""));
                    break;
            }
        }
        return parts.Count == 0 ? path : string.Join(" · ", parts);
    }

    private static string Named(string prefix, string code) => Text.Has(prefix + code) ? Text.T(prefix + code) : code;

    [GeneratedRegex(@"\.(?<key>[A-Za-z][A-Za-z0-9_-]*)(?:\[(?<i>\d+)\])?")]
    private static partial Regex Part();
}
