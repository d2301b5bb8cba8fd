using OpenEts.Application.DualControl.Targets;
using OpenEts.Domain.DualControl.Targets;

namespace OpenEts.Application.Storage;

/// <summary>
/// Energy dual control's targets side: adopted plan versions (insert only: an adopted version never changes), regional
/// statistics, designated key energy users, their annual reports, and scored assessments. Only
/// <see cref="EnergyTargetsCommandHandler"/> writes them and only <see cref="EnergyTargetsQueries"/> reads them for others.
/// </summary>
public interface IEnergyTargetsData
{
    /// <summary>Inserts an adopted version; a second insert of the same region and version throws <see cref="StoreConflictException"/>.</summary>
    Task InsertPlanAsync(PlanVersion version);

    /// <summary>The region's newest version, or null.</summary>
    Task<PlanVersion?> LatestPlanAsync(UnitCode region);

    /// <summary>The newest version of every region's plan, by region.</summary>
    Task<IReadOnlyList<PlanVersion>> LatestPlansAsync();

    /// <summary>Every version of a region's plan, newest first.</summary>
    Task<IReadOnlyList<PlanVersion>> PlanVersionsAsync(UnitCode region);

    /// <summary>Inserts or replaces statistics by region and period; returns how many replaced earlier rows.</summary>
    Task<int> SaveStatisticsAsync(IReadOnlyList<EnergyStatistic> statistics);

    /// <summary>Statistics of one region (or all) from <paramref name="fromYear"/> to <paramref name="toYear"/>, by region, year and month.</summary>
    Task<IReadOnlyList<EnergyStatistic>> StatisticsAsync(UnitCode? region, int fromYear, int toYear);

    /// <summary>Inserts or replaces a designation by code.</summary>
    Task SaveKeyUserAsync(KeyEnergyUser user);

    Task<KeyEnergyUser?> FindKeyUserAsync(UnitCode code);

    /// <summary>Every designated key energy user, by code.</summary>
    Task<IReadOnlyList<KeyEnergyUser>> KeyUsersAsync();

    /// <summary>Inserts or replaces a key user's report for its year.</summary>
    Task SaveAnnualReportAsync(AnnualEnergyReport report);

    /// <summary>Annual reports from <paramref name="fromYear"/> to <paramref name="toYear"/>.</summary>
    Task<IReadOnlyList<AnnualEnergyReport>> AnnualReportsAsync(int fromYear, int toYear);

    /// <summary>Inserts or replaces a unit's assessment for its year.</summary>
    Task SaveAssessmentAsync(AssessmentRecord assessment);

    /// <summary>Assessments of one year (or every year), by year and unit.</summary>
    Task<IReadOnlyList<AssessmentRecord>> AssessmentsAsync(int? year);
}
