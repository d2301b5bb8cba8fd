using OpenEts.Application.DualControl.Targets;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Energy.Targets;

/// <summary>What every energy-targets page that writes shares: the outcome's errors by field (or sheet row), in the page's language.</summary>
public abstract class EnergyPageModel : CommandPageModel
{
    /// <summary>
    /// The year in the address when it could not be shown (no number, or a year no target names): named beside the year
    /// filter, which keeps it as typed, while the page shows its default year and says so.
    /// </summary>
    public AddressYear AddressYear { get; protected set; } = AddressYear.None;

    /// <summary>Reads a year in the address that is no number (<c>?year=abc</c>): named in the banner and beside the year filter.</summary>
    protected void ReadAddressYear()
    {
        AddressYear = AddressYear.Read(ModelState);
        if (AddressYear.Error is { } error)
        {
            FileFields([error]);
        }
    }

    /// <summary>Files the outcome's errors; true when it completed.</summary>
    protected bool Report(EnergyTargetsOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome)
        {
            case EnergyTargetsOutcome.Invalid invalid:
                FileFields(invalid.Errors);
                break;
            case EnergyTargetsOutcome.RowsInvalid rows:
                FileRows(rows.Errors);
                break;
            case EnergyTargetsOutcome.Refused r:
                // In the banner, and beside its field when the form shows one.
                FileRefusal(r.Field, r.Rule, r.Message);
                Errors.TryAdd(r.Field, RuleText.Message(r.Field, r.Rule, r.Message));
                break;
            case EnergyTargetsOutcome.Forbidden:
                FileBanner(Text.T("rule.Role"));
                break;
            default:
                break;
        }
        return outcome is EnergyTargetsOutcome.Completed;
    }

    /// <summary>Files bad rows of a sheet, each with its row and column.</summary>
    protected void FileRows(IEnumerable<Application.Organisations.RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        FileBanner(Text.T("energy.rowsrefused"));
        foreach (var e in errors.Take(50))
        {
            // 第 3 行 C 列 · 月份：… — the row, the column as the file letters it, and the cell's header with the rule.
            var where = e.Row == 0 ? "" : (e.Column.Length > 0 ? Text.T("energy.rowcolumn", e.Row, e.Column) : Text.T("energy.row", e.Row)) + " · ";
            Errors.TryAdd($"row{e.Row}.{e.Field}", where + RuleText.Row(e));
        }
    }
}
