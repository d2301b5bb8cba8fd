using System.Resources;

// The default resources are Chinese: a zh-CN request reads them without looking for a satellite assembly.
[assembly: NeutralResourcesLanguage("zh-CN")]

namespace OpenEts.Server.Localization;

/// <summary>
/// The resources every page, the API and the e-mails share: <c>SharedResource.resx</c> (Chinese, the default) and
/// <c>SharedResource.en.resx</c> (English), read through <c>IStringLocalizer&lt;SharedResource&gt;</c>.
/// </summary>
public sealed class SharedResource
{
    private SharedResource()
    {
    }
}
