namespace OpenEts.Server.Tests.Pages;

/// <summary>One registry page form as a browser posts it: who signs in, where it goes, its key field and its other fields.</summary>
internal sealed record PageForm(string Name, string User, string Url, string KeyField, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    /// <summary>The form with <paramref name="field"/> set to <paramref name="values"/> (none: left out).</summary>
    public PageForm With(string field, params string[] values) => this with
    {
        Fields = [.. Fields.Where(f => f.Key != field), .. values.Select(v => new KeyValuePair<string, string>(field, v))],
    };

    public override string ToString() => Name;
}
