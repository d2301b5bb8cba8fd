using OpenEts.Application.Forms;

namespace OpenEts.Application.Allocation;

/// <summary>Reading allocation's own fields from a form.</summary>
internal static class AllocationFields
{
    /// <summary>A jurisdiction code: lower-case letters, as plans and MRV reports write it.</summary>
    public static string Jurisdiction(FieldReader read, string? text)
    {
        var value = FieldReader.Text(text).ToLowerInvariant();
        if (value.Length is 0 or > 30 || !value.All(char.IsAsciiLetterLower))
        {
            read.Fail("jurisdiction", "Jurisdiction", "jurisdiction: a jurisdiction code, e.g. guangdong or national");
        }
        return value;
    }
}
