using OpenEts.Domain.Offsets;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Offsets;

/// <summary>How the offset pages name a programme: its Chinese name as its rules write it, its English one in English.</summary>
public static class OffsetText
{
    public static string Programme(Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return Text.IsEnglish ? Text.T("offsets.programme." + programme.Type) : programme.Name;
    }
}
