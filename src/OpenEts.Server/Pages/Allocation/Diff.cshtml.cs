using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Allocation;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Allocation;

/// <summary>The differences between two versions of a plan: every JSON path whose value changed, was added or removed.</summary>
[Authorize(Roles = Access.AllocationPlanReaders)]
public sealed class DiffModel(AllocationQueries queries) : PageModel
{
    public sealed record Change(string Path, string? Before, string? After);

    public IReadOnlyList<Change> Changes { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int To { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null || await queries.PlanAsync(Id, From, ct) is not { } from || await queries.PlanAsync(Id, To, ct) is not { } to)
        {
            return NotFound();
        }
        var changes = new List<Change>();
        Compare(JsonNode.Parse(from.Document), JsonNode.Parse(to.Document), "$", changes);
        Changes = changes;
        return Page();
    }

    private static void Compare(JsonNode? a, JsonNode? b, string path, List<Change> changes)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)))
            {
                Compare(oa[key], ob[key], path + "." + key, changes);
            }
        }
        else if (a is JsonArray aa && b is JsonArray ab)
        {
            for (var i = 0; i < Math.Max(aa.Count, ab.Count); i++)
            {
                Compare(i < aa.Count ? aa[i] : null, i < ab.Count ? ab[i] : null, $"{path}[{i}]", changes);
            }
        }
        else if (!JsonNode.DeepEquals(a, b) && path != "$.version")
        {
            changes.Add(new Change(path, a?.ToJsonString(), b?.ToJsonString()));
        }
    }
}
