using OpenEts.Server.Hosting;

namespace OpenEts.Server.Tests.Hosting;

/// <summary>A published server started from another folder still finds its pages' static files.</summary>
public sealed class PublishedContentRootTests
{
    private const string Published = "/opt/openets/server";

    private static Func<string, bool> Folders(params string[] existing) => path => existing.Contains(path);

    private static string? NoEnvironment(string name) => null;

    [Fact]
    public void Choose_StartedFromAFolderWithoutStaticFiles_TakesTheProgramsFolder() =>
        Assert.Equal(Published, PublishedContentRoot.Choose(["--db", "/srv/openets.db"], NoEnvironment, "/", Published, Folders(Published + "/wwwroot")));

    [Fact]
    public void Choose_StartedInThePublishedFolder_LeavesItAsItIs() =>
        Assert.Null(PublishedContentRoot.Choose([], NoEnvironment, Published, Published, Folders(Published + "/wwwroot")));

    [Fact]
    public void Choose_ABuildsOutputWithoutStaticFiles_LeavesTheWorkingFolder() =>
        Assert.Null(PublishedContentRoot.Choose([], NoEnvironment, "/work/main", "/work/main/artifacts/bin/OpenEts.Server/release/", Folders()));

    [Theory]
    [InlineData("--contentRoot=/srv/site")]
    [InlineData("--contentroot")]
    [InlineData("/contentRoot")]
    public void Choose_AContentRootOnTheCommandLine_IsKept(string option) =>
        Assert.Null(PublishedContentRoot.Choose([option, "/srv/site"], NoEnvironment, "/", Published, Folders(Published + "/wwwroot")));

    [Theory]
    [InlineData("ASPNETCORE_CONTENTROOT")]
    [InlineData("DOTNET_CONTENTROOT")]
    public void Choose_AContentRootInTheEnvironment_IsKept(string variable) =>
        Assert.Null(PublishedContentRoot.Choose([], name => name == variable ? "/srv/site" : null, "/", Published, Folders(Published + "/wwwroot")));
}
