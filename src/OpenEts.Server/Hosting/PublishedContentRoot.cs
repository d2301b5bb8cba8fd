namespace OpenEts.Server.Hosting;

/// <summary>
/// The content root of a published server started from another folder. Run as
/// <c>dotnet /opt/openets/server/OpenEts.Server.dll</c> from anywhere (a service manager's default folder, an operator's
/// home), ASP.NET Core takes the working folder as its content root and the pages come unstyled and without charts, their
/// static files (<c>wwwroot</c>) being in the published folder. When neither the command line nor the environment names
/// a content root, the working folder holds no <c>wwwroot</c> and the program's own folder does, the program's folder is
/// the content root. A build's output folder holds no <c>wwwroot</c>, so <c>dotnet run</c> and the tests are as before.
/// </summary>
internal static class PublishedContentRoot
{
    private const string WebRoot = "wwwroot";

    /// <summary>The program's folder when it should be the content root; null to leave ASP.NET Core's choice.</summary>
    public static string? Choose(IReadOnlyList<string> args, Func<string, string?> environment, string workingFolder, string programFolder,
        Func<string, bool> folderExists)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(folderExists);
        var named = args.Any(a => a.TrimStart('-', '/').Split('=')[0].Equals("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT")) || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        if (named || folderExists(Path.Combine(workingFolder, WebRoot)) || !folderExists(Path.Combine(programFolder, WebRoot)))
        {
            return null;
        }
        return programFolder;
    }
}
