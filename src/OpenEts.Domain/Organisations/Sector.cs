namespace OpenEts.Domain.Organisations;

/// <summary>
/// 行业: the covered sectors. The six of Guangdong's 2017 plan (power, cement, steel, petrochemical, paper, civil
/// aviation; reference/guangdong.md §1.4), plus <see cref="Other"/> for organisations that are not covered emitters.
/// </summary>
public enum Sector
{
    Other = 0,
    Power,
    Cement,
    Steel,
    Petrochemical,
    Paper,
    Aviation,
}
