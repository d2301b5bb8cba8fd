using OpenEts.Domain.DualControl.Targets;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Energy;

/// <summary>How the energy pages name a pollutant: as the plan writes it in Chinese, by its usual symbol in English.</summary>
public static class EnergyText
{
    public static string Pollutant(string name) => Text.IsEnglish ? PollutantNames.Symbol(name) : name;
}
