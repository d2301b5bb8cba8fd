using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.DualControl.Calculators;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Energy.Calculators;

/// <summary>
/// The reduction calculators (减排量计算器), public: each shows its inputs with sources and units, the arithmetic, the
/// recomputed reduction, whether the claim follows from its inputs (flagged when not), and the reduction monetised at a
/// social cost of carbon. Nothing is stored, so the forms are GET.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ReductionCheck check) : PageModel
{
    public ReductionCheck Check => check;

    /// <summary>The calculator asked for: apu, boiler, pv or retrofit (null: none yet).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Calc { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReductionCheck.ApuForm? Apu { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReductionCheck.BoilerForm? Boiler { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReductionCheck.PvForm? Pv { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReductionCheck.RetrofitForm? Retrofit { get; set; }

    public CheckedReduction? Result { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
        if (Calc is null)
        {
            // Nothing asked yet: the binder may still have built empty forms; show the seed's example instead.
            Apu = ReductionCheck.SeedApuExample;
            return;
        }
        CheckedReduction? result = null;
        IReadOnlyList<FieldError> errors = [];
        var ran = Calc switch
        {
            "apu" => check.TryApu(Apu ?? new ReductionCheck.ApuForm(), out result, out errors),
            "boiler" when Boiler is not null => check.TryBoiler(Boiler, out result, out errors),
            "pv" when Pv is not null => check.TryPv(Pv, out result, out errors),
            "retrofit" when Retrofit is not null => check.TryRetrofit(Retrofit, out result, out errors),
            _ => false,
        };
        // A number typed but not read would otherwise count as not given: a default used, a claim left unchecked.
        var unbound = Unbound.Errors(ModelState);
        Result = ran && unbound.Count == 0 ? result : null;
        Errors = [.. unbound.Concat(errors.Where(e => !unbound.Any(u => u.Field == e.Field))).Select(RuleText.Field)];
        Apu ??= ReductionCheck.SeedApuExample;
    }

    /// <summary>An input's text: as typed when it could not be read, else the bound value.</summary>
    public string Typed(string name, string bound) => Unbound.Typed(ModelState, name, bound);
}
